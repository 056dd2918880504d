package ge.dms.bench.baseline;

import ge.dms.schemas.order.OrderStatus;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * The query API's parameter rules, as far as the baseline's three questions use them: every bad value is a 400 naming
 * the parameter, never a 500 or a database error. Cursors are the API's own ({@code k1}: Redis milliseconds,
 * {@code p1}: PostgreSQL microseconds, then the order id, base64url), so the bench can send either side the same path.
 */
final class BaselineParams {

    static final ZoneId DAY_ZONE = ZoneId.of("Asia/Tbilisi");
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** A keyset position: the last order served's creation time and id. */
    record Position(Instant createdAt, long orderId) {

        String encode() {
            String raw = "p1:" + ChronoUnit.MICROS.between(Instant.EPOCH, createdAt) + ":" + orderId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }
    }

    private BaselineParams() {
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant instant = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(DAY_ZONE).toInstant() : Instant.parse(value);
            if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
                throw BaselineProblem.badRequest(name, name + " must be between years 0001 and 9999, got '" + value + "'");
            }
            return instant;
        } catch (DateTimeException e) {
            throw BaselineProblem.badRequest(name, name + " must be an ISO-8601 instant or yyyy-MM-dd, got '" + value + "'");
        }
    }

    static LocalDate day(String name, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            LocalDate day = LocalDate.parse(value.length() > 10 ? Instant.parse(value).atZone(DAY_ZONE).toLocalDate().toString() : value);
            if (day.getYear() < 1 || day.getYear() > 9999) {
                throw BaselineProblem.badRequest(name, name + " must be between years 0001 and 9999, got '" + value + "'");
            }
            return day;
        } catch (DateTimeException e) {
            throw BaselineProblem.badRequest(name, name + " must be yyyy-MM-dd, got '" + value + "'");
        }
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, as an out-of-range limit is
        }
        throw BaselineProblem.badRequest("limit", "limit must be between 1 and " + MAX_LIMIT);
    }

    static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw BaselineProblem.badRequest(name, name + " must be a number, got '" + value + "'");
        }
    }

    static String status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (OrderStatus.find(value).isEmpty()) {
            throw BaselineProblem.badRequest("status", "status must be one of " + String.join(", ", OrderStatus.allValues()));
        }
        return value;
    }

    /** Null when absent; a millisecond cursor (from Redis) stands for the end of its millisecond, as the API's read side takes it. */
    static Position cursor(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split(":");
            if (parts.length != 3 || !(parts[0].equals("k1") || parts[0].equals("p1"))) {
                throw new IllegalArgumentException("unknown cursor shape");
            }
            long score = Long.parseLong(parts[1]);
            long micros = parts[0].equals("p1") ? score : Math.multiplyExact(score, 1000L) + 999;
            Instant at = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
            long orderId = Long.parseLong(parts[2]);
            if (orderId < 0 || at.isBefore(MIN) || at.isAfter(MAX)) {
                throw new IllegalArgumentException("position out of range");
            }
            return new Position(at, orderId);
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw BaselineProblem.badRequest("cursor", "cursor is not one this API issued");
        }
    }
}
