package com.acme.api;

import java.util.List;

/** The interface a fake child serves: each argument names the reply it sends. */
public interface Probe {
    String text(String scenario);

    Point point(String scenario);

    List<Point> points(String scenario);

    Tree tree(String scenario);
}
