package ge.dms.query.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Query parameter parsing: every bad value is a 400 naming the parameter, never a 500, and never a database error
 * (a 503 would make bad input look like an outage to clients and to alerting).
 */
public final class Params {

    /** Day boundaries are Asia/Tbilisi local time (DOMAIN.md). */
    public static final ZoneId DAY_ZONE = ZoneId.of("Asia/Tbilisi");
    /**
     * The instants a parameter or cursor may carry: four-digit years, as ISO 8601 writes them. Java parses years to
     * ±1,000,000,000, PostgreSQL's timestamps end in 294276 AD, and no order lives outside these.
     */
    public static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Params() {
    }

    /** An ISO-8601 instant ({@code 2026-11-22T08:00:00Z}) or a day ({@code 2026-11-22}, its Tbilisi start); null when absent. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(DAY_ZONE).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be an ISO-8601 instant or yyyy-MM-dd, got '" + value + "'");
        }
        if (!inRange(instant)) {
            throw ApiException.badRequest(name, name + " must be between years 0001 and 9999, got '" + value + "'");
        }
        return instant;
    }

    public static boolean inRange(Instant instant) {
        return !instant.isBefore(MIN_INSTANT) && !instant.isAfter(MAX_INSTANT);
    }

    public static LocalDate day(String name, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.length() > 10 ? Instant.parse(value).atZone(DAY_ZONE).toLocalDate().toString() : value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be yyyy-MM-dd, got '" + value + "'");
        }
        if (day.getYear() < 1 || day.getYear() > 9999) {
            throw ApiException.badRequest(name, name + " must be between years 0001 and 9999, got '" + value + "'");
        }
        return day;
    }

    /**
     * A search text: null when absent; else stripped of surrounding white space, 1 to {@code maxLength} characters,
     * and free of control characters (PostgreSQL refuses a NUL in text, and no name or reference holds one).
     */
    public static String text(String name, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (text.chars().anyMatch(Character::isISOControl) || hasLoneSurrogate(text)) {
            throw ApiException.badRequest(name, name + " must not contain control characters");
        }
        if (text.isEmpty() || text.length() > maxLength) {
            throw ApiException.badRequest(name, name + " must be 1 to " + maxLength + " characters");
        }
        return text;
    }

    private static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    public static void range(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badRequest("from", "from must be before to");
        }
    }

    public static int limit(Integer value, int defaultLimit, int maxLimit) {
        if (value == null) {
            return defaultLimit;
        }
        if (value < 1 || value > maxLimit) {
            throw ApiException.badRequest("limit", "limit must be between 1 and " + maxLimit);
        }
        return value;
    }

    public static Long optionalId(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a number, got '" + value + "'");
        }
    }

    /** {@code true} or {@code false} (absent: false); anything else is a 400 naming the parameter. */
    public static boolean flag(String name, String value) {
        return Boolean.TRUE.equals(optionalBoolean(name, value));
    }

    /** {@code true} or {@code false}; null when absent. */
    public static Boolean optionalBoolean(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiException.badRequest(name, name + " must be true or false, got '" + value + "'");
        };
    }
}
