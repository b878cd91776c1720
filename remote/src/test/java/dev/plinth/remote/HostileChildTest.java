package dev.plinth.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.api.Point;
import com.acme.api.Probe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A fake child ({@link FakeChild}: the real handshake and frames over the real socket) sends hostile replies. Each
 * fails only its call, with a {@link RemoteFaultException} that says what was wrong, and the child is restarted; the
 * host allocates nothing the reply merely claims (the tests run with a small heap, see the module's pom).
 */
class HostileChildTest {
    @TempDir
    static Path dir;
    static Path jar;
    static Path java;
    private final List<RemoteEvent> events = new CopyOnWriteArrayList<>();
    private RemotePlugin plugin;
    private Probe probe;

    @BeforeAll
    static void fakeChildCommand() throws Exception {
        jar = RemoteFixtures.filter(dir, "fake", "1.0.0", "return in;"); // the fake child never opens it
        String realJava = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java = dir.resolve("fake-java");
        Files.writeString(java, "#!/bin/sh\n"
                + "for a do shift; if [ \"$a\" = " + ChildMain.class.getName() + " ]; then set -- \"$@\" "
                + FakeChild.class.getName() + "; else set -- \"$@\" \"$a\"; fi; done\n"
                + "exec '" + realJava + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    }

    @BeforeEach
    void launch() {
        plugin = RemotePlugin.launch(RemoteFixtures.options(jar).javaCommand(java).build());
        plugin.addListener(events::add);
        probe = plugin.extensions(Probe.class).get(0);
    }

    @AfterEach
    void close() {
        plugin.close();
    }

    @Test
    void aWellFormedReplyOfTheDeclaredTypeIsAccepted() {
        assertThat(probe.point("point")).isEqualTo(new Point(1, 2, "fine"));
        assertThat(probe.text("hello")).isEqualTo("hello");
        assertThat(events).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "text   | huge-length     | string: 2147483647 bytes, more than the limit of 67108864",
        "text   | negative-length | string: negative length -7",
        "text   | short-string    | string: length 1000 but only 4 bytes are left in the frame",
        "text   | wrong-type      | value: INT where java.lang.String is declared",
        "point  | stranger        | value: class java.lang.ProcessBuilder where com.acme.api.Point is declared",
        "points | huge-count      | collection: length 2147483647 but only 0 bytes are left in the frame",
        "tree   | deep            | value: nested deeper than the limit of 64",
        "text   | error-causes    | throwable: 1000000 causes, out of range 1..9",
        "text   | error-frames    | stack trace: length 2147483647 but only 0 bytes are left in the frame",
    })
    void aHostileReplyFailsOnlyItsCallAndTheChildRestarts(String method, String scenario, String problem)
            throws Exception {
        long pid = Long.parseLong(probe.text("pid"));
        String signature = "com.acme.api.Probe." + method + "(java.lang.String)";

        assertThatThrownBy(() -> call(method, scenario)).isInstanceOfSatisfying(RemoteFaultException.class,
                e -> assertThat(e.getMessage()).isEqualTo("plugin fake: " + signature + ": protocol error in the"
                        + " reply: " + problem + "; its child JVM (pid " + pid + ") was killed and restarts"));

        assertThat(Long.parseLong(probe.text("pid"))).isNotEqualTo(pid); // the next call waits for a new child
        assertThat(probe.point("point")).isEqualTo(new Point(1, 2, "fine"));
        assertThat(RemoteFixtures.eventually(10, () -> events.size() == 2)).isTrue();
        assertThat(events).extracting(RemoteEvent::kind).containsExactly(RemoteEvent.Kind.CRASHED,
                RemoteEvent.Kind.RESTARTED);
        assertThat(events.get(0).message()).contains("after the reply to " + signature + " broke the protocol: "
                + problem);
    }

    @Test
    void anEndlessOutputLineIsCutAndTheHostKeepsItsMemory() throws Exception {
        assertThat(probe.text("endless-line")).isEqualTo("printed");
        assertThat(probe.text("still")).isEqualTo("still");

        assertThatThrownBy(() -> probe.text("exit")).isInstanceOf(RemoteFaultException.class);
        assertThat(RemoteFixtures.eventually(10, () -> events.size() == 2)).isTrue();
        List<String> output = events.get(0).lastOutput();
        String cut = "x".repeat(Limits.MAX_LINE_CHARS) + " [line cut at " + Limits.MAX_LINE_CHARS
                + " characters, the rest dropped]";
        assertThat(output).containsSubsequence("[stdout] " + cut, "[stdout] after the endless line");
        assertThat(probe.text("again")).isEqualTo("again");
    }

    private void call(String method, String scenario) {
        Consumer<String> call = switch (method) {
            case "text" -> probe::text;
            case "point" -> probe::point;
            case "points" -> probe::points;
            default -> probe::tree;
        };
        call.accept(scenario);
    }
}
