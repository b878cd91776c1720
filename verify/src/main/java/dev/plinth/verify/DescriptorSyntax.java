package dev.plinth.verify;

/**
 * Checks field and method descriptors as the JVM's format checker does, so a malformed class file is reported as
 * not analysable (the JVM would refuse it with {@code ClassFormatError}) instead of tripping a check later.
 */
final class DescriptorSyntax {
    private DescriptorSyntax() {
    }

    static String requireField(String descriptor) {
        if (descriptor == null || fieldEnd(descriptor, 0) != descriptor.length()) {
            throw new IllegalArgumentException("malformed field descriptor '" + descriptor + "'");
        }
        return descriptor;
    }

    static String requireMethod(String descriptor) {
        if (descriptor == null || descriptor.isEmpty() || descriptor.charAt(0) != '(') {
            throw new IllegalArgumentException("malformed method descriptor '" + descriptor + "'");
        }
        int i = 1;
        while (i < descriptor.length() && descriptor.charAt(i) != ')') {
            i = fieldEnd(descriptor, i);
            if (i < 0) {
                throw new IllegalArgumentException("malformed method descriptor '" + descriptor + "'");
            }
        }
        boolean ok = i < descriptor.length() && (i + 2 == descriptor.length() && descriptor.charAt(i + 1) == 'V'
                || fieldEnd(descriptor, i + 1) == descriptor.length());
        if (!ok) {
            throw new IllegalArgumentException("malformed method descriptor '" + descriptor + "'");
        }
        return descriptor;
    }

    /** The index just past the field type starting at {@code i}, or -1 when there is none. */
    private static int fieldEnd(String d, int i) {
        int dims = 0;
        while (i < d.length() && d.charAt(i) == '[') {
            i++;
            dims++;
        }
        if (i >= d.length() || dims > 255) {
            return -1;
        }
        char c = d.charAt(i);
        if ("BCDFIJSZ".indexOf(c) >= 0) {
            return i + 1;
        }
        if (c != 'L') {
            return -1;
        }
        int semicolon = d.indexOf(';', i);
        return semicolon > i + 1 ? semicolon + 1 : -1;
    }
}
