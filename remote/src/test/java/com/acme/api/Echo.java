package com.acme.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Takes and returns every type that may cross a process boundary. */
public interface Echo {
    boolean bool(boolean v);

    byte b(byte v);

    short s(short v);

    char c(char v);

    int i(int v);

    long l(long v);

    float f(float v);

    double d(double v);

    Integer boxed(Integer v);

    String string(String v);

    byte[] bytes(byte[] v);

    Color color(Color v);

    Point point(Point v);

    Money money(Money v);

    Tag tag(Tag v);

    List<Point> points(List<Point> v);

    Set<Color> colors(Set<Color> v);

    Map<String, List<Integer>> map(Map<String, List<Integer>> v);

    Optional<Money> maybe(Optional<Money> v);

    void fail(String message);

    default String greet(String name) {
        return "local " + name;
    }
}
