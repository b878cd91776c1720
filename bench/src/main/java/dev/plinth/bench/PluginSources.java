package dev.plinth.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Java sources of the benchmark plugin: two extensions ({@code PlusOne}, an {@code IntOp}, and {@code Upper}, a
 * {@code TextFilter}) and eighteen helper classes of the size and shape of a small library (fields, a constructor,
 * string and collection work, calls into the next helper), so a plugin is twenty classes as a realistic one is.
 */
final class PluginSources {
    static final String PACKAGE = "com.example.benchplugin";
    static final String PLUS_ONE = PACKAGE + ".PlusOne";
    static final String UPPER = PACKAGE + ".Upper";
    static final int HELPERS = 18;

    private PluginSources() {
    }

    /** Every source by class name; {@code annotation} (e.g. {@code "@org.pf4j.Extension"}) marks the extensions. */
    static Map<String, String> all(String annotation) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(PLUS_ONE, "package " + PACKAGE + ";\n"
                + annotation + "\n"
                + "public class PlusOne implements dev.plinth.bench.api.IntOp {\n"
                + "    public int apply(int x) { return x + 1; }\n"
                + "}\n");
        sources.put(UPPER, "package " + PACKAGE + ";\n"
                + annotation + "\n"
                + "public class Upper implements dev.plinth.bench.api.TextFilter {\n"
                + "    private final Helper0 helper = new Helper0(\"upper\");\n"
                + "    public String apply(String in) {\n"
                + "        return in.toUpperCase(java.util.Locale.ROOT);\n"
                + "    }\n"
                + "    public String describe() { return helper.describe(); }\n"
                + "}\n");
        for (int i = 0; i < HELPERS; i++) {
            sources.put(PACKAGE + ".Helper" + i, helper(i));
        }
        return sources;
    }

    private static String helper(int i) {
        String next = i + 1 < HELPERS ? "Helper" + (i + 1) : null;
        return "package " + PACKAGE + ";\n"
                + "import java.util.ArrayList;\n"
                + "import java.util.LinkedHashMap;\n"
                + "import java.util.List;\n"
                + "import java.util.Map;\n"
                + "final class Helper" + i + " {\n"
                + "    private final String name;\n"
                + "    private final Map<String, Integer> counts = new LinkedHashMap<>();\n"
                + "    private final List<String> seen = new ArrayList<>();\n"
                + "    Helper" + i + "(String name) { this.name = name; }\n"
                + "    String describe() {\n"
                + "        StringBuilder b = new StringBuilder(name).append('#').append(" + i + ");\n"
                + (next == null ? "" : "        b.append(\" -> \").append(new " + next + "(name).describe());\n")
                + "        return b.toString();\n"
                + "    }\n"
                + "    int count(String word) {\n"
                + "        seen.add(word);\n"
                + "        return counts.merge(word.strip().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);\n"
                + "    }\n"
                + "    List<String> words(String line) {\n"
                + "        List<String> out = new ArrayList<>();\n"
                + "        for (String w : line.split(\"\\\\s+\")) {\n"
                + "            if (!w.isEmpty() && count(w) < " + (i + 2) + ") { out.add(w); }\n"
                + "        }\n"
                + "        return out;\n"
                + "    }\n"
                + "    Map<String, Integer> snapshot() { return Map.copyOf(counts); }\n"
                + "    int seen() { return seen.size(); }\n"
                + "    @Override public String toString() { return \"Helper" + i + "[\" + name + \"]\"; }\n"
                + "}\n";
    }
}
