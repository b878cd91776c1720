package dev.plinth.verify;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses a {@code META-INF/services} file with the JDK ServiceLoader's rules, reporting malformed lines. */
final class ServiceFileParser {
    private static final Pattern LINES = Pattern.compile("\r\n|\r|\n");

    private final Path jar;
    private final String entry;
    private final byte[] bytes;
    private final List<Finding> findings;
    private final String service;

    ServiceFileParser(Path jar, String entry, byte[] bytes, List<Finding> findings) {
        this.jar = jar;
        this.entry = entry;
        this.bytes = bytes;
        this.findings = findings;
        this.service = entry.substring(entry.lastIndexOf('/') + 1);
    }

    List<PluginArchive.ServiceEntry> parse() {
        if (!isBinaryName(service)) {
            invalid("'" + service + "' is not a Java class name", "name the file after the service interface");
            return List.of();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            invalid("not valid UTF-8", "save the file as UTF-8");
            return List.of();
        }
        List<PluginArchive.ServiceEntry> result = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String[] lines = LINES.split(text, -1); // compiled once: every plugin's services files come here
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String name = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!isBinaryName(name)) {
                invalid("line " + (i + 1) + ": '" + name + "' is not a class name",
                        "write one fully qualified class name a line, e.g. com.acme.Upper");
            } else if (seen.add(name)) {
                result.add(new PluginArchive.ServiceEntry(service, name, i + 1));
            }
        }
        return result;
    }

    /** Java identifiers joined by dots, as the JDK's ServiceLoader accepts them; no regex, for the same reason. */
    static boolean isBinaryName(String name) {
        boolean start = true;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (start ? !Character.isJavaIdentifierStart(c) : c != '.' && !Character.isJavaIdentifierPart(c)) {
                return false;
            }
            start = c == '.';
            i += Character.charCount(c);
        }
        return !start;
    }

    private void invalid(String problem, String fix) {
        findings.add(Finding.error(FindingCode.DESCRIPTOR_INVALID, String.valueOf(jar.getFileName()),
                Location.entry(jar, entry), entry + ": " + problem, fix));
    }
}
