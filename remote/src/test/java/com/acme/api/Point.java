package com.acme.api;

/** A record that crosses by its components. */
public record Point(int x, int y, String label) {
}
