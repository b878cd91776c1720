package dev.plinth.maven;

import dev.plinth.verify.Finding;
import dev.plinth.verify.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * A finding as {@code plinth doctor} prints it in text, shaped like rustc's diagnostics, so that the build log and
 * the doctor read the same.
 *
 * <pre>
 * error[api-mismatch]: com.acme.Upper.apply(String): calls com.acme.api.Requests.shout(String) which ...
 *   --&gt; /abs/target/upper-1.0.jar!com/acme/Upper.class
 *   = plugin: upper
 *   = class: com.acme.Upper
 *   = fix: rebuild the plugin against the host's API version, or stop using ...
 * </pre>
 */
final class FindingText {
    private FindingText() {
    }

    static List<String> lines(Finding f) {
        Location at = f.location();
        List<String> lines = new ArrayList<>();
        lines.add(f.severity().label() + "[" + f.code().id() + "]: " + f.message());
        lines.add("  --> " + at.fileAndEntry());
        note(lines, "plugin", f.plugin());
        note(lines, "class", at.type());
        note(lines, "member", at.readableMember());
        note(lines, "fix", f.fix().isEmpty() ? null : f.fix());
        return lines;
    }

    private static void note(List<String> lines, String label, String value) {
        if (value != null) {
            lines.add("  = " + label + ": " + value);
        }
    }
}
