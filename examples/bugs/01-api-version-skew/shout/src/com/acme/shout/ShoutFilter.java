package com.acme.shout;

import com.acme.api.Filter;
import com.acme.api.Text;
import java.util.Locale;

/** Shouts the text. Compiled against host API 2.0, deployed to a host still running 1.0. */
public final class ShoutFilter implements Filter {
    @Override
    public String apply(String text) {
        return Text.normalize(text, Locale.ROOT).toUpperCase(Locale.ROOT) + "!";
    }
}
