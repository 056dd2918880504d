package ge.dms.query.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * An opaque keyset position: the sort key and order id of the last row served. Redis scores are
 * epoch milliseconds, PostgreSQL keeps microseconds: the cursor says which ({@code micros}), and a
 * cursor from the other store is converted (a fallback mid-walk may then repeat or skip an order
 * created in that same millisecond; within one store a walk is exact).
 */
public record Cursor(long score, long orderId, boolean micros) {

    public String encode() {
        String raw = (micros ? "p1" : "k1") + ":" + score + ":" + orderId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for an absent cursor; 400 for garbage. */
    public static Cursor decode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            String[] parts = raw.split(":");
            if (parts.length != 3 || !(parts[0].equals("k1") || parts[0].equals("p1"))) {
                throw new IllegalArgumentException("unknown cursor shape");
            }
            Cursor cursor = new Cursor(Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[0].equals("p1"));
            if (!cursor.inRange()) {
                // Hand-made: a position outside the years any order has would fail in the database, not here.
                throw new IllegalArgumentException("position out of range");
            }
            return cursor;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("cursor", "cursor is not one this API issued");
        }
    }

    private boolean inRange() {
        ChronoUnit unit = micros ? ChronoUnit.MICROS : ChronoUnit.MILLIS;
        return orderId >= 0 && score >= unit.between(Instant.EPOCH, Params.MIN_INSTANT)
                && score <= unit.between(Instant.EPOCH, Params.MAX_INSTANT);
    }

    public long millis() {
        return micros ? Math.floorDiv(score, 1000) : score;
    }

    /** Microseconds; a millisecond cursor stands for the end of its millisecond. */
    public long microsValue() {
        return micros ? score : score * 1000 + 999;
    }
}
