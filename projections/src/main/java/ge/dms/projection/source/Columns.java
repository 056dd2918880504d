package ge.dms.projection.source;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Typed reads of a change event's row image; a wrong or missing required value is a {@link MalformedRecordException}. */
final class Columns {

    private final Map<String, Object> row;
    private final String table;

    Columns(String table, Map<String, Object> row) {
        if (row == null) {
            throw new MalformedRecordException(table + ": change has no row image");
        }
        this.table = table;
        this.row = row;
    }

    long requiredLong(String column) {
        Long value = optionalLong(column);
        if (value == null) {
            throw new MalformedRecordException(table + "." + column + " is missing");
        }
        return value;
    }

    Long optionalLong(String column) {
        Object value = row.get(column);
        try {
            return switch (value) {
                case null -> null;
                case Number n -> n.longValue();
                case String s -> Long.parseLong(s.trim());
                default -> throw new MalformedRecordException(table + "." + column + " is not an integer: " + value);
            };
        } catch (NumberFormatException e) {
            throw new MalformedRecordException(table + "." + column + " is not an integer: " + value, e);
        }
    }

    String text(String column) {
        Object value = row.get(column);
        return value == null ? null : value.toString();
    }

    String requiredText(String column) {
        String value = text(column);
        if (value == null) {
            throw new MalformedRecordException(table + "." + column + " is missing");
        }
        return value;
    }

    BigDecimal decimal(String column) {
        Object value = row.get(column);
        try {
            return switch (value) {
                case null -> null;
                case BigDecimal d -> d;
                case Number n -> new BigDecimal(n.toString());
                case String s -> new BigDecimal(s.trim());
                default -> throw new MalformedRecordException(table + "." + column + " is not a decimal: " + value);
            };
        } catch (NumberFormatException e) {
            throw new MalformedRecordException(table + "." + column + " is not a decimal: " + value, e);
        }
    }

    Instant instant(String column) {
        Object value = row.get(column);
        if (value == null) {
            return null;
        }
        String text = value.toString();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new MalformedRecordException(table + "." + column + " is not an ISO-8601 timestamp: " + text, e);
            }
        }
    }

    /** A boolean column (JSON boolean, or its text); {@code otherwise} when absent (a delete's key-only image). */
    boolean bool(String column, boolean otherwise) {
        Object value = row.get(column);
        return switch (value) {
            case null -> otherwise;
            case Boolean b -> b;
            case String s when s.equalsIgnoreCase("true") || s.equals("t") -> true;
            case String s when s.equalsIgnoreCase("false") || s.equals("f") -> false;
            default -> throw new MalformedRecordException(table + "." + column + " is not a boolean: " + value);
        };
    }
}
