package com.acme.count;

/** Counts words. */
final class Words {
    private Words() {
    }

    static int count(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
