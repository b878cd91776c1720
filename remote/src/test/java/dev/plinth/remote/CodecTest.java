package dev.plinth.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.api.Color;
import com.acme.api.Point;
import com.acme.api.Response;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.MonthDay;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value format without a process: round trips, and every bound a malformed message runs into. */
class CodecTest {
    /** Declared types to read against, taken from real signatures. */
    interface Types {
        List<Point> points();

        Map<String, List<Color>> colors();

        long[] longs();

        List<String>[] generic();
    }

    private static Type type(String method) throws NoSuchMethodException {
        return Types.class.getMethod(method).getGenericReturnType();
    }

    private static In in(Out out) {
        ByteBuffer b = out.toBuffer();
        byte[] body = new byte[b.remaining() - 4];
        b.position(4).get(body);
        return new In(body);
    }

    private static Object roundTrip(Object v, Type type) {
        Out out = new Out(16);
        Codec.write(out, v, type);
        In in = in(out);
        Object back = Codec.read(in, type);
        in.expectEnd("value");
        return back;
    }

    @Test
    void valuesRoundTripAgainstTheirDeclaredTypes() throws Exception {
        assertThat(roundTrip(Arrays.asList(new Point(1, 2, "a"), null), type("points")))
                .isEqualTo(Arrays.asList(new Point(1, 2, "a"), null));
        assertThat(roundTrip(Map.of("k", List.of(Color.RED)), type("colors"))).isEqualTo(Map.of("k",
                List.of(Color.RED)));
        assertThat((long[]) roundTrip(new long[] {Long.MIN_VALUE, 0, 7}, type("longs")))
                .containsExactly(Long.MIN_VALUE, 0, 7);
        assertThat((Object[]) roundTrip(new List<?>[] {List.of("x"), null}, type("generic")))
                .containsExactly(List.of("x"), null);
        assertThat(roundTrip(Response.ok("r"), Response.class)).isEqualTo(Response.ok("r"));
        for (Object jdk : List.of(Period.of(1, -2, 3), Year.of(-44), YearMonth.of(2026, 12), MonthDay.of(2, 29),
                OffsetTime.of(1, 2, 3, 4, ZoneOffset.UTC), ZoneOffset.ofHours(14), new BigDecimal("1E+400"))) {
            assertThat(roundTrip(jdk, jdk.getClass())).isEqualTo(jdk);
        }
        assertThat(roundTrip(null, void.class)).isNull();
    }

    @Test
    void aValueThatDoesNotFitItsDeclaredTypeIsRefusedBySender() throws Exception {
        List<Object> polluted = new ArrayList<>();
        polluted.add("not a point");
        assertThatThrownBy(() -> Codec.write(new Out(16), polluted, type("points")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value: a java.lang.String where com.acme.api.Point is declared");
        assertThatThrownBy(() -> Codec.write(new Out(16), null, int.class))
                .hasMessage("value: null where int is declared");
    }

    @Test
    void lengthsAndCountsBeyondTheFrameAreRefusedBeforeAllocating() throws Exception {
        Out out = new Out(16);
        out.writeByte(Codec.BYTES);
        out.writeInt(Integer.MAX_VALUE);
        assertThatThrownBy(() -> Codec.read(in(out), byte[].class)).isInstanceOf(IllegalStateException.class)
                .hasMessage("bytes: length 2147483647 but only 0 bytes are left in the frame");

        Out negative = new Out(16);
        negative.writeByte(Codec.ARRAY);
        negative.writeInt(-1);
        assertThatThrownBy(() -> Codec.read(in(negative), type("longs")))
                .hasMessage("array: negative length -1");

        Out longs = new Out(16);
        longs.writeByte(Codec.ARRAY);
        longs.writeInt(3); // 24 bytes claimed, 8 sent
        longs.writeLong(1);
        assertThatThrownBy(() -> Codec.read(in(longs), type("longs")))
                .hasMessage("array: length 3 but only 8 bytes are left in the frame");
    }

    @Test
    void moreValuesThanTheLimitAreRefusedOnBothSides() throws Exception {
        List<Point> many = Collections.nCopies(Limits.MAX_VALUES, null);
        assertThatThrownBy(() -> Codec.write(new Out(16), many, type("points")))
                .hasMessage("value: more than the limit of 1000000 values in one message");

        Out out = new Out(Limits.MAX_VALUES + 16);
        out.writeByte(Codec.LIST);
        out.writeInt(Limits.MAX_VALUES);
        for (int i = 0; i < Limits.MAX_VALUES; i++) {
            out.writeByte(Codec.NULL);
        }
        assertThatThrownBy(() -> Codec.read(in(out), type("points")))
                .hasMessage("value: more than the limit of 1000000 values in one message");
    }

    @Test
    void namesAndTagsMustFitTheDeclaredType() throws Exception {
        Out stranger = new Out(16);
        stranger.writeByte(Codec.OBJECT);
        stranger.writeString("com.acme.api.Response");
        stranger.writeInt(0);
        assertThatThrownBy(() -> Codec.read(in(stranger), Point.class))
                .hasMessage("value: class com.acme.api.Response where com.acme.api.Point is declared");

        Out constant = new Out(16);
        constant.writeByte(Codec.ENUM);
        constant.writeString(Color.class.getName());
        constant.writeString("PURPLE");
        assertThatThrownBy(() -> Codec.read(in(constant), Color.class))
                .hasMessage("com.acme.api.Color: no constant PURPLE; do both sides use the same host API?");

        Out tag = new Out(16);
        tag.writeByte(99);
        assertThatThrownBy(() -> Codec.read(in(tag), String.class))
                .hasMessage("value: unknown tag 99 where java.lang.String is declared");

        Out nullInt = new Out(16);
        nullInt.writeByte(Codec.NULL);
        assertThatThrownBy(() -> Codec.read(in(nullInt), long.class)).hasMessage("value: null where long is"
                + " declared");

        Out name = new Out(16);
        name.writeByte(Codec.OBJECT);
        name.writeString("x".repeat(Limits.MAX_NAME_BYTES + 1));
        assertThatThrownBy(() -> Codec.read(in(name), Point.class)).hasMessage("name: 1025 bytes, more than the"
                + " limit of 1024");
    }

    @Test
    void throwablesAreCutBySenderAndBoundedOnReceipt() {
        Throwable chain = new IllegalStateException("m".repeat(Limits.MAX_MESSAGE_CHARS + 10));
        for (int i = 0; i < 20; i++) {
            chain = new RuntimeException("level " + i, chain);
        }
        StackTraceElement[] deep = new StackTraceElement[Limits.MAX_STACK_FRAMES + 5];
        Arrays.fill(deep, new StackTraceElement("C", "m", "C.java", 1));
        chain.setStackTrace(deep);
        Out out = new Out(16);
        Throwables.write(out, chain);

        RemotePluginException e = Throwables.read(in(out), "p", "call");

        assertThat(e.getStackTrace()).hasSize(Limits.MAX_STACK_FRAMES);
        int causes = 0;
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            causes++;
        }
        assertThat(causes).isEqualTo(Limits.MAX_CAUSES);

        Out tooDeep = new Out(16);
        tooDeep.writeInt(Limits.MAX_CAUSES + 2);
        assertThatThrownBy(() -> Throwables.read(in(tooDeep), "p", "call"))
                .hasMessage("throwable: 10 causes, out of range 1..9");
        Out none = new Out(16);
        none.writeInt(0);
        assertThatThrownBy(() -> Throwables.read(in(none), "p", "call"))
                .hasMessage("throwable: 0 causes, out of range 1..9");
    }

    @Test
    void aLongMessageIsCutBySender() {
        Out out = new Out(16);
        Throwables.write(out, new IllegalStateException("m".repeat(Limits.MAX_MESSAGE_CHARS + 10)));
        assertThat(Throwables.read(in(out), "p", "call").remoteMessage())
                .hasSize(Limits.MAX_MESSAGE_CHARS + " [cut at 16384 characters]".length())
                .endsWith(" [cut at 16384 characters]");
    }
}
