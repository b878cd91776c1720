package dev.plinth.verify;

import java.util.ArrayList;
import java.util.List;

/** Readable forms of JVM names for messages: {@code com.acme.Request.header(String)}, {@code int[]}. */
final class Names {
    private Names() {
    }

    /** A class or array, by internal name or descriptor: {@code java/lang/String} → {@code String}. */
    static String type(String internalName) {
        if (internalName.startsWith("[")) {
            return descriptorType(internalName);
        }
        String binary = internalName.replace('/', '.');
        return binary.startsWith("java.lang.") && binary.indexOf('.', 10) < 0 ? binary.substring(10) : binary;
    }

    /** A class by internal name as a full binary name: {@code com.acme.Upper}. */
    static String binary(String internalName) {
        return internalName.replace('/', '.');
    }

    /** A method with readable parameter types, without its owner: {@code apply(com.acme.Request)}. */
    static String method(String name, String descriptor) {
        return name + "(" + String.join(", ", parameters(descriptor)) + ")";
    }

    /** A method with its owner: {@code com.acme.Request.header(String)}. */
    static String method(String owner, String name, String descriptor) {
        return type(owner) + "." + method(name, descriptor);
    }

    /** The referencing method, as in messages: {@code com.acme.Upper.apply(com.acme.Request)}; static init plain. */
    static String site(String owner, String nameAndDescriptor) {
        int paren = nameAndDescriptor.indexOf('(');
        String name = nameAndDescriptor.substring(0, paren);
        return name.equals("<clinit>") ? binary(owner) + ".<clinit>"
                : binary(owner) + "." + method(name, nameAndDescriptor.substring(paren));
    }

    /** Up to {@code max} items joined with commas, then how many were left out: {@code a, b, c and 4 more}. */
    static String sample(java.util.Collection<String> items, int max) {
        List<String> all = new ArrayList<>(items);
        String shown = String.join(", ", all.subList(0, Math.min(max, all.size())));
        return all.size() > max ? shown + " and " + (all.size() - max) + " more" : shown;
    }

    /** Readable parameter types of a method descriptor. */
    static List<String> parameters(String descriptor) {
        List<String> result = new ArrayList<>();
        int i = 1;
        while (descriptor.charAt(i) != ')') {
            int start = i;
            while (descriptor.charAt(i) == '[') {
                i++;
            }
            i = descriptor.charAt(i) == 'L' ? descriptor.indexOf(';', i) + 1 : i + 1;
            result.add(descriptorType(descriptor.substring(start, i)));
        }
        return result;
    }

    /** A field type descriptor as Java source writes it: {@code [Ljava/lang/String;} → {@code String[]}. */
    static String descriptorType(String descriptor) {
        int dims = 0;
        while (descriptor.charAt(dims) == '[') {
            dims++;
        }
        String element = switch (descriptor.charAt(dims)) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            case 'V' -> "void";
            case 'L' -> type(descriptor.substring(dims + 1, descriptor.length() - 1));
            default -> descriptor;
        };
        return element + "[]".repeat(dims);
    }
}
