package com.acme.dep;

import com.acme.api.Filter;
import com.acme.core.Greeting;

public final class Hello implements Filter {
    @Override
    public String apply(String s) {
        return Greeting.hello(s);
    }
}
