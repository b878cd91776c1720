package dev.plinth.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.api.Color;
import com.acme.api.Echo;
import com.acme.api.Filter;
import com.acme.api.Money;
import com.acme.api.Point;
import com.acme.api.Tag;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteCallsTest {
    private static final String ECHO = String.join("\n",
            "public boolean bool(boolean v) { return !v; }",
            "public byte b(byte v) { return (byte) (v + 1); }",
            "public short s(short v) { return (short) (v + 1); }",
            "public char c(char v) { return Character.toUpperCase(v); }",
            "public int i(int v) { return v + 1; }",
            "public long l(long v) { return v + 1; }",
            "public float f(float v) { return v * 2; }",
            "public double d(double v) { return v * 2; }",
            "public Integer boxed(Integer v) { return v; }",
            "public String string(String v) { if (v != null) System.out.println(\"echo \" + v); return v; }",
            "public byte[] bytes(byte[] v) { byte[] r = v.clone(); for (int k = 0; k < r.length; k++) r[k]++; return r; }",
            "public Color color(Color v) { return Color.values()[(v.ordinal() + 1) % 3]; }",
            "public Point point(Point v) { return new Point(v.y(), v.x(), v.label() + \"!\"); }",
            "public Money money(Money v) { return new Money(v.getCents() * 2, v.getCurrency()); }",
            "public Tag tag(Tag v) { return Tag.of(v.name().toUpperCase()); }",
            "@SuppressWarnings({\"unchecked\", \"rawtypes\"})",
            "public List<Point> points(List<Point> v) {",
            "  if (v.size() == 1 && \"cycle\".equals(v.get(0).label())) { List r = new ArrayList(); r.add(r); return r; }",
            "  List<Point> r = new ArrayList<>(v); Collections.reverse(r); return r; }",
            "public Set<Color> colors(Set<Color> v) { return v; }",
            "public Map<String, List<Integer>> map(Map<String, List<Integer>> v) { return v; }",
            "public Optional<Money> maybe(Optional<Money> v) { return v; }",
            "public void fail(String m) { throw new IllegalStateException(m, new java.io.IOException(\"disk\")); }",
            "public String greet(String name) { return \"remote \" + name; }");

    @TempDir
    static Path dir;
    static RemotePlugin plugin;
    static Echo echo;

    @BeforeAll
    static void launch() throws Exception {
        Path jar = RemoteFixtures.plugin(dir, "echo", "1.0.0", Echo.class, "EchoImpl", ECHO);
        plugin = RemotePlugin.launch(RemoteFixtures.options(jar).build());
        echo = plugin.extensions(Echo.class).get(0);
    }

    @AfterAll
    static void close() {
        plugin.close();
    }

    @Test
    void primitivesAndBoxesRoundTrip() {
        assertThat(echo.bool(true)).isFalse();
        assertThat(echo.b((byte) 41)).isEqualTo((byte) 42);
        assertThat(echo.s((short) 41)).isEqualTo((short) 42);
        assertThat(echo.c('q')).isEqualTo('Q');
        assertThat(echo.i(Integer.MAX_VALUE - 1)).isEqualTo(Integer.MAX_VALUE);
        assertThat(echo.l(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE + 1);
        assertThat(echo.f(1.25f)).isEqualTo(2.5f);
        assertThat(echo.d(Double.MAX_VALUE / 4)).isEqualTo(Double.MAX_VALUE / 2);
        assertThat(echo.boxed(7)).isEqualTo(7);
        assertThat(echo.boxed(null)).isNull();
    }

    @Test
    void stringsBytesAndNullRoundTrip() {
        assertThat(echo.string("grüße, 世界 \u0000 end")).isEqualTo("grüße, 世界 \u0000 end");
        assertThat(echo.string(null)).isNull();
        assertThat(echo.bytes(new byte[] {0, 1, -1, 127})).containsExactly(1, 2, 0, -128);
        assertThat(echo.bytes(new byte[0])).isEmpty();
    }

    @Test
    void enumsRecordsAndValueClassesRoundTrip() {
        assertThat(echo.color(Color.BLUE)).isEqualTo(Color.RED);
        assertThat(echo.point(new Point(1, 2, "p"))).isEqualTo(new Point(2, 1, "p!"));
        assertThat(echo.point(new Point(1, 2, null))).isEqualTo(new Point(2, 1, "null!"));
        assertThat(echo.money(new Money(150, "EUR"))).isEqualTo(new Money(300, "EUR"));
        assertThat(echo.tag(Tag.of("beta"))).isEqualTo(Tag.of("BETA"));
    }

    @Test
    void collectionsAndOptionalsRoundTripInOrder() {
        assertThat(echo.points(List.of(new Point(1, 1, "a"), new Point(2, 2, "b"))))
                .containsExactly(new Point(2, 2, "b"), new Point(1, 1, "a"));
        Set<Color> colors = new LinkedHashSet<>(List.of(Color.GREEN, Color.RED));
        assertThat(echo.colors(colors)).containsExactly(Color.GREEN, Color.RED);
        Map<String, List<Integer>> map = new LinkedHashMap<>();
        map.put("z", List.of(1, 2));
        map.put("a", Arrays.asList(3, null));
        map.put("n", null);
        assertThat(echo.map(map)).containsExactlyEntriesOf(map);
        assertThat(echo.maybe(Optional.of(new Money(1, "USD")))).contains(new Money(1, "USD"));
        assertThat(echo.maybe(Optional.empty())).isEmpty();
        assertThat(echo.points(new ArrayList<>())).isEmpty();
    }

    @Test
    void defaultMethodsRunInThePlugin() {
        assertThat(echo.greet("ann")).isEqualTo("remote ann");
    }

    @Test
    void pluginExceptionArrivesWithRemoteClassMessageAndStack() {
        assertThatThrownBy(() -> echo.fail("boom")).isInstanceOfSatisfying(RemotePluginException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("plugin echo: com.acme.api.Echo.fail(java.lang.String) threw"
                    + " java.lang.IllegalStateException: boom");
            assertThat(e.remoteClassName()).isEqualTo("java.lang.IllegalStateException");
            assertThat(e.remoteMessage()).isEqualTo("boom");
            assertThat(e.pluginId()).isEqualTo("echo");
            assertThat(e.getStackTrace()[0].getClassName()).isEqualTo("com.acme.echo.EchoImpl");
            assertThat(e.getStackTrace()[0].getMethodName()).isEqualTo("fail");
            assertThat(e.getCause()).isInstanceOfSatisfying(RemotePluginException.class,
                    c -> assertThat(c.remoteClassName()).isEqualTo("java.io.IOException"));
        });
        assertThat(echo.i(1)).isEqualTo(2); // the child is unharmed
        assertThat(plugin.state()).isEqualTo(RemoteState.RUNNING);
    }

    @Test
    void concurrentCallsShareOneConnection() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int k = 0; k < 400; k++) {
                int n = k;
                results.add(pool.submit(() -> echo.i(n)));
            }
            for (int k = 0; k < results.size(); k++) {
                assertThat(results.get(k).get()).isEqualTo(k + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void framesAroundAndFarBeyondTheReadBufferRoundTripWhileOtherCallsRun() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> small = new ArrayList<>();
            for (int k = 0; k < 200; k++) {
                int n = k;
                small.add(pool.submit(() -> echo.i(n)));
            }
            for (int size : new int[] {65_500, 65_513, 65_514, 65_536, 1 << 20, 5 << 20}) {
                byte[] sent = new byte[size];
                Arrays.fill(sent, (byte) 7);
                sent[size - 1] = 41;
                byte[] back = echo.bytes(sent);
                assertThat(back).as("%d bytes", size).hasSize(size);
                assertThat(back[0]).isEqualTo((byte) 8);
                assertThat(back[size - 1]).isEqualTo((byte) 42);
            }
            for (int k = 0; k < small.size(); k++) {
                assertThat(small.get(k).get()).isEqualTo(k + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aResultThatDoesNotFitTheReturnTypeFailsOnlyItsCall() {
        assertThatThrownBy(() -> echo.points(List.of(new Point(0, 0, "cycle")))) // a raw List in a List<Point>
                .isInstanceOfSatisfying(RemotePluginException.class, e -> {
                    assertThat(e.remoteClassName()).isEqualTo("java.lang.IllegalStateException");
                    assertThat(e.remoteMessage()).isEqualTo("com.acme.api.Echo.points(Ljava/util/List;):"
                            + " java.lang.IllegalArgumentException: value: a java.util.ArrayList where"
                            + " com.acme.api.Point is declared");
                });
        assertThat(echo.i(1)).isEqualTo(2); // same child, still serving
        assertThat(plugin.state()).isEqualTo(RemoteState.RUNNING);
    }

    @Test
    void proxiesAnswerObjectMethodsLocally() {
        assertThat(echo.toString()).isEqualTo("remote com.acme.api.Echo #0 of plugin echo");
        assertThat(echo).isEqualTo(echo).isNotEqualTo(plugin.extensions(Echo.class).get(0));
        assertThat(plugin.extensions(Filter.class)).isEmpty();
    }
}
