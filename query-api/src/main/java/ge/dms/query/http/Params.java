package ge.dms.query.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Query parameter parsing: every bad value is a 400 naming the parameter, never a 500. */
public final class Params {

    /** Day boundaries are Asia/Tbilisi local time (DOMAIN.md). */
    public static final ZoneId DAY_ZONE = ZoneId.of("Asia/Tbilisi");

    private Params() {
    }

    /** An ISO-8601 instant ({@code 2026-11-22T08:00:00Z}) or a day ({@code 2026-11-22}, its Tbilisi start); null when absent. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(DAY_ZONE).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be an ISO-8601 instant or yyyy-MM-dd, got '" + value + "'");
        }
    }

    public static LocalDate day(String name, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? Instant.parse(value).atZone(DAY_ZONE).toLocalDate().toString() : value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be yyyy-MM-dd, got '" + value + "'");
        }
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
