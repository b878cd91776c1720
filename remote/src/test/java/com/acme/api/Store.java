package com.acme.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Real API types crossing both ways. */
public interface Store {
    Response handle(Response request);

    Order order(Order order);

    List<Response> history(Set<Response> seen, Map<Color, Optional<Response>> latest);

    int[] counts(int[] counts, String[] names, Point[][] grid);

    Tree tree(Tree tree);
}
