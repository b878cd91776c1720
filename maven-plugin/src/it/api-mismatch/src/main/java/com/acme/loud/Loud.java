package com.acme.loud;

import com.acme.api.Filter;
import com.acme.api.Requests;
import dev.plinth.api.Extension;

@Extension
public class Loud implements Filter {
    @Override
    public String apply(String body) {
        return Requests.shout(body);
    }
}
