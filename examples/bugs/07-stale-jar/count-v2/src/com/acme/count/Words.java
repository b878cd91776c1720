package com.acme.count;

/** Counts words and characters. */
final class Words {
    private Words() {
    }

    static int count(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    static int characters(String text) {
        return text.codePointCount(0, text.length());
    }
}
