package com.acme.web;

import com.acme.pipeline.api.Filter;
import com.acme.pipeline.api.Request;
import dev.plinth.spring.Extensions;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /pipeline}: the request body, as text, through every {@link Filter} plugin in order. */
@RestController
class PipelineController {
    private final Extensions<Filter> filters;
    private final AtomicLong requests = new AtomicLong();

    PipelineController(Extensions<Filter> filters) {
        this.filters = filters; // injected once; it follows plugins added, reloaded and unloaded
    }

    @PostMapping(path = "/pipeline", consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.TEXT_PLAIN_VALUE)
    String run(@RequestBody String body) {
        Request request = new Request("http-" + requests.incrementAndGet(), body);
        for (Filter filter : filters) {
            request = filter.apply(request);
        }
        return request.body();
    }
}
