package dev.plinth.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.api.Color;
import com.acme.api.Order;
import com.acme.api.Point;
import com.acme.api.Response;
import com.acme.api.Store;
import com.acme.api.Tree;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real API types cross both ways through a real child JVM. */
class ValueTypesTest {
    private static final String STORE = String.join("\n",
            "public Response handle(Response r) {",
            "  return Response.of(r.status() + 1, r.body() == null ? null : r.body().toUpperCase(), r.headers()); }",
            "public Order order(Order o) {",
            "  return new Order(o.id(), o.placed().plusNanos(1), o.due().plusDays(1), o.cutOff(), o.local(),",
            "      o.offset(), o.zoned().plusHours(1), o.zone(), o.ttl().multipliedBy(2),",
            "      o.amount().add(java.math.BigDecimal.ONE), o.serial().negate(), o.color(), o.last(), o.history()); }",
            "public List<Response> history(Set<Response> seen, Map<Color, Optional<Response>> latest) {",
            "  List<Response> r = new ArrayList<>(seen);",
            "  latest.values().forEach(v -> r.add(v == null ? null : v.orElse(null)));",
            "  return r; }",
            "public int[] counts(int[] counts, String[] names, Point[][] grid) {",
            "  return new int[] {counts.length, names.length, grid.length, grid[0][0].x(),",
            "      names[1] == null ? -1 : 0 }; }",
            "public Tree tree(Tree t) { return new Tree(t.label() + \"!\", t.children()); }");

    @TempDir
    static Path dir;
    static RemotePlugin plugin;
    static Store store;

    @BeforeAll
    static void launch() throws Exception {
        Path jar = RemoteFixtures.plugin(dir, "store", "1.0.0", Store.class, "StoreImpl", STORE);
        plugin = RemotePlugin.launch(RemoteFixtures.options(jar).build());
        store = plugin.extensions(Store.class).get(0);
    }

    @AfterAll
    static void close() {
        plugin.close();
    }

    @Test
    void aFinalClassWithPrivateFieldsAndAStaticFactoryCrossesByField() {
        assertThat(store.handle(Response.ok("hello"))).isEqualTo(Response.of(201, "HELLO", Map.of()));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("accept", List.of("text/plain", "*/*"));
        headers.put("empty", null);
        assertThat(store.handle(Response.of(404, null, headers))).isEqualTo(Response.of(405, null, headers));
        assertThat(store.handle(Response.of(100, null, null))).isEqualTo(Response.of(101, null, null));
    }

    @Test
    void recordsOfJavaTimeBigNumbersUuidsEnumsAndNestedTypesCrossBothWays() {
        ZonedDateTime paris = ZonedDateTime.of(2026, 10, 25, 2, 30, 0, 0, ZoneId.of("Europe/Paris"))
                .withLaterOffsetAtOverlap(); // the hour that repeats: the offset must survive
        Order order = new Order(UUID.randomUUID(), Instant.parse("2026-01-02T03:04:05.123456789Z"),
                LocalDate.of(2026, 2, 28), LocalTime.of(23, 59, 59, 999_999_999),
                LocalDateTime.of(1969, 12, 31, 23, 59), OffsetDateTime.of(2026, 5, 6, 7, 8, 9, 10,
                ZoneOffset.ofHoursMinutes(-3, -30)), paris, ZoneId.of("+05:45"), Duration.ofSeconds(-5, 7),
                new BigDecimal("-12345678901234567890.000100"), BigInteger.TWO.pow(200), Color.GREEN,
                Optional.of(Response.ok("last")), Arrays.asList(Response.ok("a"), null, Response.of(500, "b",
                Map.of("k", List.of())))
        );

        Order back = store.order(order);

        assertThat(back).isEqualTo(new Order(order.id(), order.placed().plusNanos(1), order.due().plusDays(1),
                order.cutOff(), order.local(), order.offset(), paris.plusHours(1), order.zone(),
                Duration.ofSeconds(-10, 14), order.amount().add(BigDecimal.ONE), order.serial().negate(),
                Color.GREEN, order.last(), order.history()));
        assertThat(back.zoned().getOffset()).isEqualTo(paris.plusHours(1).getOffset());
        assertThat(back.amount().scale()).isEqualTo(6);
    }

    @Test
    void collectionsOptionalsAndNullsCrossInOrder() {
        Set<Response> seen = new LinkedHashSet<>(List.of(Response.ok("z"), Response.ok("a")));
        Map<Color, Optional<Response>> latest = new LinkedHashMap<>();
        latest.put(Color.BLUE, Optional.of(Response.ok("blue")));
        latest.put(Color.RED, Optional.empty());
        latest.put(Color.GREEN, null);

        assertThat(store.history(seen, latest)).containsExactly(Response.ok("z"), Response.ok("a"),
                Response.ok("blue"), null, null);
    }

    @Test
    void arraysOfPrimitivesStringsAndRecordsCross() {
        assertThat(store.counts(new int[] {1, 2, 3}, new String[] {"a", null}, new Point[][] {{new Point(7, 0,
                "p")}})).containsExactly(3, 2, 1, 7, -1);
    }

    @Test
    void aRecursiveRecordCrossesUpToTheDepthLimitAndNoFurther() {
        Tree leaf = new Tree("leaf", List.of());
        Tree deep = leaf;
        for (int i = 0; i < 20; i++) {
            deep = new Tree("n" + i, List.of(deep));
        }
        assertThat(store.tree(deep)).isEqualTo(new Tree("n19!", deep.children()));

        Tree tooDeep = deep;
        for (int i = 0; i < 20; i++) {
            tooDeep = new Tree("m" + i, List.of(tooDeep));
        }
        Tree sent = tooDeep;
        assertThatThrownBy(() -> store.tree(sent)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plugin store: com.acme.api.Store.tree(com.acme.api.Tree): argument 0: value: nested"
                        + " deeper than the limit of 64");
        assertThat(store.handle(Response.ok("x")).body()).isEqualTo("X"); // nothing was sent; the child serves
    }
}
