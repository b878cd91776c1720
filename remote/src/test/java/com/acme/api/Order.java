package com.acme.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A record of JDK value types, nested API types and containers. */
public record Order(UUID id, Instant placed, LocalDate due, LocalTime cutOff, LocalDateTime local,
                    OffsetDateTime offset, ZonedDateTime zoned, ZoneId zone, Duration ttl, BigDecimal amount,
                    BigInteger serial, Color color, Optional<Response> last, List<Response> history) {
}
