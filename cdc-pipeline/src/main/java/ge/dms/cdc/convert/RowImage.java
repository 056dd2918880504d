package ge.dms.cdc.convert;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a Debezium row {@link Struct} into the contract's row image: column name to a JSON
 * friendly value. Numeric arrives as a decimal string ({@code decimal.handling.mode=string});
 * Debezium's temporal types become ISO-8601 strings, timestamps in UTC.
 */
final class RowImage {

    private RowImage() {
    }

    static Map<String, Object> of(Struct row) {
        if (row == null) {
            return null;
        }
        Map<String, Object> image = new LinkedHashMap<>();
        for (Field field : row.schema().fields()) {
            image.put(field.name(), value(field.schema(), row.get(field)));
        }
        return image;
    }

    static Object value(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        String logical = schema.name();
        if (logical != null) {
            switch (logical) {
                case "io.debezium.time.MicroTimestamp":
                    return micros((Long) value).toString();
                case "io.debezium.time.Timestamp":
                    return Instant.ofEpochMilli((Long) value).toString();
                case "io.debezium.time.NanoTimestamp":
                    long nanos = (Long) value;
                    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)).toString();
                case "io.debezium.time.ZonedTimestamp":
                    return utc((String) value);
                case "io.debezium.time.Date":
                    return LocalDate.ofEpochDay((Integer) value).toString();
                case "io.debezium.time.MicroTime":
                    return LocalTime.ofNanoOfDay((Long) value * 1_000L).toString();
                case "io.debezium.time.Time":
                    return LocalTime.ofNanoOfDay((Integer) value * 1_000_000L).toString();
                case "org.apache.kafka.connect.data.Decimal":
                    return ((BigDecimal) value).toPlainString();
                default:
                    break;
            }
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Struct struct) {
            return of(struct);
        }
        return value;
    }

    static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private static String utc(String zoned) {
        try {
            return OffsetDateTime.parse(zoned).toInstant().toString();
        } catch (DateTimeParseException e) {
            return zoned; // infinity and other specials pass through as PostgreSQL wrote them
        }
    }
}
