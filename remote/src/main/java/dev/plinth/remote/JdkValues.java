package dev.plinth.remote;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * The JDK value types that cross by a fixed encoding of their own: {@code java.time}'s values, {@link BigDecimal},
 * {@link BigInteger} and {@link UUID}. The declared type says which encoding follows, so nothing is looked up by
 * name; a value the JDK refuses to build (a month 13, an unknown zone) is a malformed message.
 */
final class JdkValues {
    static final Set<Class<?>> TYPES = Set.of(Instant.class, Duration.class, Period.class, LocalDate.class,
            LocalTime.class, LocalDateTime.class, OffsetTime.class, OffsetDateTime.class, ZonedDateTime.class,
            ZoneId.class, ZoneOffset.class, Year.class, YearMonth.class, MonthDay.class, BigDecimal.class,
            BigInteger.class, UUID.class);

    private JdkValues() {
    }

    static boolean handles(Class<?> type) {
        return TYPES.contains(type);
    }

    /** Writes {@code v}, an instance of {@code type}, which {@link #handles} it. */
    static void write(Out out, Class<?> type, Object v) {
        if (type == Instant.class) {
            Instant i = (Instant) v;
            out.writeLong(i.getEpochSecond());
            out.writeInt(i.getNano());
        } else if (type == Duration.class) {
            Duration d = (Duration) v;
            out.writeLong(d.getSeconds());
            out.writeInt(d.getNano());
        } else if (type == Period.class) {
            Period p = (Period) v;
            out.writeInt(p.getYears());
            out.writeInt(p.getMonths());
            out.writeInt(p.getDays());
        } else if (type == LocalDate.class) {
            out.writeLong(((LocalDate) v).toEpochDay());
        } else if (type == LocalTime.class) {
            out.writeLong(((LocalTime) v).toNanoOfDay());
        } else if (type == LocalDateTime.class) {
            writeDateTime(out, (LocalDateTime) v);
        } else if (type == OffsetTime.class) {
            OffsetTime t = (OffsetTime) v;
            out.writeLong(t.toLocalTime().toNanoOfDay());
            out.writeInt(t.getOffset().getTotalSeconds());
        } else if (type == OffsetDateTime.class) {
            OffsetDateTime t = (OffsetDateTime) v;
            writeDateTime(out, t.toLocalDateTime());
            out.writeInt(t.getOffset().getTotalSeconds());
        } else if (type == ZonedDateTime.class) {
            ZonedDateTime t = (ZonedDateTime) v;
            writeDateTime(out, t.toLocalDateTime());
            out.writeInt(t.getOffset().getTotalSeconds());
            out.writeString(t.getZone().getId());
        } else if (type == ZoneId.class) {
            out.writeString(((ZoneId) v).getId());
        } else if (type == ZoneOffset.class) {
            out.writeInt(((ZoneOffset) v).getTotalSeconds());
        } else if (type == Year.class) {
            out.writeInt(((Year) v).getValue());
        } else if (type == YearMonth.class) {
            YearMonth m = (YearMonth) v;
            out.writeInt(m.getYear());
            out.writeByte(m.getMonthValue());
        } else if (type == MonthDay.class) {
            MonthDay m = (MonthDay) v;
            out.writeByte(m.getMonthValue());
            out.writeByte(m.getDayOfMonth());
        } else if (type == BigDecimal.class) {
            BigDecimal b = (BigDecimal) v;
            writeMagnitude(out, b.unscaledValue());
            out.writeInt(b.scale());
        } else if (type == BigInteger.class) {
            writeMagnitude(out, (BigInteger) v);
        } else {
            UUID u = (UUID) v;
            out.writeLong(u.getMostSignificantBits());
            out.writeLong(u.getLeastSignificantBits());
        }
    }

    /** Reads a {@code type}, which {@link #handles} it; a value the JDK refuses throws a {@code RuntimeException}. */
    static Object read(In in, Class<?> type) {
        if (type == Instant.class) {
            return Instant.ofEpochSecond(in.readLong(), in.readInt());
        } else if (type == Duration.class) {
            return Duration.ofSeconds(in.readLong(), in.readInt());
        } else if (type == Period.class) {
            return Period.of(in.readInt(), in.readInt(), in.readInt());
        } else if (type == LocalDate.class) {
            return LocalDate.ofEpochDay(in.readLong());
        } else if (type == LocalTime.class) {
            return LocalTime.ofNanoOfDay(in.readLong());
        } else if (type == LocalDateTime.class) {
            return readDateTime(in);
        } else if (type == OffsetTime.class) {
            return OffsetTime.of(LocalTime.ofNanoOfDay(in.readLong()), ZoneOffset.ofTotalSeconds(in.readInt()));
        } else if (type == OffsetDateTime.class) {
            return OffsetDateTime.of(readDateTime(in), ZoneOffset.ofTotalSeconds(in.readInt()));
        } else if (type == ZonedDateTime.class) {
            LocalDateTime local = readDateTime(in);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.readInt());
            return ZonedDateTime.ofInstant(local, offset, ZoneId.of(in.readName()));
        } else if (type == ZoneId.class) {
            return ZoneId.of(in.readName());
        } else if (type == ZoneOffset.class) {
            return ZoneOffset.ofTotalSeconds(in.readInt());
        } else if (type == Year.class) {
            return Year.of(in.readInt());
        } else if (type == YearMonth.class) {
            return YearMonth.of(in.readInt(), in.readByte());
        } else if (type == MonthDay.class) {
            return MonthDay.of(in.readByte(), in.readByte());
        } else if (type == BigDecimal.class) {
            return new BigDecimal(readMagnitude(in), in.readInt());
        } else if (type == BigInteger.class) {
            return readMagnitude(in);
        }
        return new UUID(in.readLong(), in.readLong());
    }

    private static void writeDateTime(Out out, LocalDateTime t) {
        out.writeLong(t.toLocalDate().toEpochDay());
        out.writeLong(t.toLocalTime().toNanoOfDay());
    }

    private static LocalDateTime readDateTime(In in) {
        return LocalDateTime.of(LocalDate.ofEpochDay(in.readLong()), LocalTime.ofNanoOfDay(in.readLong()));
    }

    private static void writeMagnitude(Out out, BigInteger b) {
        byte[] bytes = b.toByteArray();
        if (bytes.length > Limits.MAX_NUMBER_BYTES) {
            throw new IllegalArgumentException("value: a number of " + bytes.length + " bytes, more than the limit"
                    + " of " + Limits.MAX_NUMBER_BYTES);
        }
        out.writeBytes(bytes);
    }

    private static BigInteger readMagnitude(In in) {
        int n = in.readCount("number", 1);
        if (n == 0 || n > Limits.MAX_NUMBER_BYTES) {
            throw new IllegalStateException("number: " + n + " bytes, out of range 1.." + Limits.MAX_NUMBER_BYTES);
        }
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = in.readByte();
        }
        return new BigInteger(bytes);
    }
}
