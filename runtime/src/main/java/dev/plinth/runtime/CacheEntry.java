package dev.plinth.runtime;

import dev.plinth.verify.ContextLoaderSwitch;
import dev.plinth.verify.Finding;
import dev.plinth.verify.FindingCode;
import dev.plinth.verify.HostReads;
import dev.plinth.verify.Location;
import dev.plinth.verify.Severity;
import dev.plinth.verify.Verification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The text of one verification cache entry, UTF-8, one record a line, its fields separated by a tab (a space
 * below):
 *
 * <pre>
 * plinth-verification-cache 3
 * key &lt;the key, hex&gt;
 * class &lt;internal name&gt; &lt;sha256 of the host's class file, or -&gt;
 * package &lt;internal name&gt; &lt;true|false&gt;
 * context-loader &lt;needed: true|false&gt; &lt;reason&gt;
 * finding &lt;code&gt; &lt;severity&gt; &lt;plugin&gt; &lt;file&gt; &lt;entry&gt; &lt;class&gt; &lt;member&gt; &lt;message&gt; &lt;fix&gt;
 * end &lt;CRC-32 of every byte before this line, 8 hex digits&gt;
 * </pre>
 *
 * In a field, a backslash, a tab, a line feed and a carriage return are written {@code \\}, {@code \t},
 * {@code \n} and {@code \r}; an absent value is {@code \0}. Reading is strict: anything else — another format
 * version, another key, a line it does not know, a checksum that does not match (a truncated or corrupt file), a
 * {@code context-loader} line missing or repeated — makes the entry unusable, never partly trusted. Version 1
 * entries, written before the context class loader was judged, are therefore not used: such a plugin is verified
 * again.
 */
final class CacheEntry {
    static final String FORMAT = "plinth-verification-cache";
    static final String VERSION = "3";
    private static final String NULL = "\\0";
    private static final String CONTEXT_LOADER = "context-loader";

    private CacheEntry() {
    }

    static byte[] write(String key, Verification verification) {
        StringBuilder text = new StringBuilder();
        line(text, FORMAT, VERSION);
        line(text, "key", key);
        HostReads reads = verification.hostReads();
        reads.classFiles().forEach((name, digest) -> line(text, "class", name, digest));
        reads.packages().forEach((name, present) -> line(text, "package", name, present.toString()));
        ContextLoaderSwitch contextLoader = verification.contextLoaderSwitch();
        line(text, CONTEXT_LOADER, Boolean.toString(contextLoader.needed()), contextLoader.reason());
        for (Finding f : verification.findings()) {
            Location at = f.location();
            line(text, "finding", f.code().id(), f.severity().name(), f.plugin(), at.file().toString(), at.entry(),
                    at.type(), at.member(), f.message(), f.fix());
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("end\t" + checksum(body) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(body, body.length + end.length);
        System.arraycopy(end, 0, all, body.length, end.length);
        return all;
    }

    /** The verification an entry holds for {@code key}; empty when it is not a whole, valid entry of this format. */
    static Optional<Verification> read(byte[] bytes, String key) {
        try {
            return Optional.ofNullable(parse(bytes, key));
        } catch (RuntimeException e) { // malformed in a way the checks below did not foresee: not an entry
            return Optional.empty();
        }
    }

    private static Verification parse(byte[] bytes, String key) {
        int lastLine = lastLineStart(bytes);
        if (lastLine < 0) {
            return null;
        }
        String end = new String(bytes, lastLine, bytes.length - lastLine, StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOf(bytes, lastLine);
        if (!end.equals("end\t" + checksum(body) + "\n")) {
            return null;
        }
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length < 3 || !lines[0].equals(FORMAT + "\t" + VERSION) || !lines[1].equals("key\t" + key)) {
            return null;
        }
        Map<String, String> classes = new TreeMap<>();
        Map<String, Boolean> packages = new TreeMap<>();
        List<Finding> findings = new ArrayList<>();
        ContextLoaderSwitch contextLoader = null;
        for (int i = 2; i < lines.length - 1; i++) { // the last is the empty string after the body's final \n
            String[] f = fields(lines[i]);
            switch (f[0]) {
                case "class" -> classes.put(require(f, 3)[1], f[2]);
                case "package" -> packages.put(require(f, 3)[1], bool(f[2]));
                case "finding" -> findings.add(finding(require(f, 10)));
                case CONTEXT_LOADER -> {
                    if (contextLoader != null) {
                        return null;
                    }
                    contextLoader = new ContextLoaderSwitch(bool(require(f, 3)[1]), f[2]);
                }
                default -> {
                    return null;
                }
            }
        }
        return lines[lines.length - 1].isEmpty() && contextLoader != null
                ? new Verification(findings, HostReads.of(classes, packages), contextLoader) : null;
    }

    private static Finding finding(String[] f) {
        FindingCode code = FindingCode.byId(f[1]).orElseThrow(() -> new IllegalArgumentException(f[1]));
        Location at = new Location(Path.of(f[4]), f[5], f[6], f[7]);
        return new Finding(code, Severity.valueOf(f[2]), f[3], at, f[8], f[9]);
    }

    private static boolean bool(String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("not a boolean: " + value);
        }
        return value.equals("true");
    }

    private static String[] require(String[] fields, int count) {
        if (fields.length != count) {
            throw new IllegalArgumentException(fields[0] + ": " + fields.length + " fields, not " + count);
        }
        return fields;
    }

    /**
     * The CRC-32 of an entry's body: it tells a truncated, corrupt or half-written file from a whole one, which is
     * all the last line is for (an entry's name is the sha256 key it was written for; a writer of the directory
     * could change any checksum). A sha256 here was a fifth of the time a cached start spent per plugin.
     */
    static String checksum(byte[] body) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body, 0, body.length);
        String hex = Long.toHexString(crc.getValue());
        return "00000000".substring(hex.length()) + hex;
    }

    private static int lastLineStart(byte[] bytes) {
        if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') {
            return -1;
        }
        for (int i = bytes.length - 2; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private static void line(StringBuilder text, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            text.append(i == 0 ? "" : "\t").append(escape(fields[i]));
        }
        text.append('\n');
    }

    private static String escape(String value) {
        if (value == null) {
            return NULL;
        }
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String[] fields(String line) {
        String[] raw = line.split("\t", -1);
        String[] fields = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            fields[i] = unescape(raw[i]);
        }
        return fields;
    }

    private static String unescape(String field) {
        if (field.equals(NULL)) {
            return null;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = field.charAt(++i); // a lone backslash at the end throws: not an entry
            out.append(switch (next) {
                case '\\' -> '\\';
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> throw new IllegalArgumentException("unknown escape \\" + next);
            });
        }
        return out.toString();
    }
}
