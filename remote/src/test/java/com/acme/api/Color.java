package com.acme.api;

/** An enum that crosses by name. */
public enum Color {
    RED, GREEN, BLUE
}
