package com.acme.bad;

import com.acme.api.Filter;

@dev.plinth.api.Extension
class Upper implements Filter {
    @Override
    public String apply(String body) {
        return body;
    }
}
