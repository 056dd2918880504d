package ge.dms.schemas.view;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import ge.dms.schemas.serde.Json;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of a restaurant's orders board: the list columns of an {@link OrderView}, without items,
 * address or notes (those are one {@code GET /api/orders/{id}} away). JSON Schema:
 * {@code ge/dms/schemas/board-row.v1.schema.json}.
 *
 * <p>The projections write it to Redis next to the view, in the same atomic step and under the same
 * "only if newer" rule, as the field {@code <orderId>} of the hash {@link RedisKeys#restaurantBoard}
 * in its {@linkplain #stored() stored form}; the query API serves it as it is, and builds the same
 * row from the read-side {@code order_view} columns, so a board page has one shape whatever store
 * answered.
 *
 * @param schemaVersion       envelope version, {@value #SCHEMA_VERSION}
 * @param orderId             the order's id
 * @param reference           human reference, e.g. {@code ORD-2026-000123}
 * @param status              as in {@link OrderView#status()}
 * @param restaurantId        the ordering restaurant
 * @param restaurantName      its current name; null until its row has been seen
 * @param driverId            the assigned driver, null when none
 * @param driverName          its current name; null when none or not yet seen
 * @param itemCount           number of items
 * @param totalAmount         GEL, decimal string
 * @param requestedDeliveryAt the promised delivery time
 * @param createdAt           placed (the board's sort key)
 * @param updatedAt           last write-side change
 * @param version             the order row's version
 * @param sourceCommitTime    commit time of the newest source change in the view (data age)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BoardRow(int schemaVersion,
                       long orderId,
                       String reference,
                       String status,
                       long restaurantId,
                       String restaurantName,
                       Long driverId,
                       String driverName,
                       int itemCount,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalAmount,
                       Instant requestedDeliveryAt,
                       Instant createdAt,
                       Instant updatedAt,
                       long version,
                       Instant sourceCommitTime) {

    public static final int SCHEMA_VERSION = 1;

    /** The board row of a view. */
    public static BoardRow of(OrderView v) {
        return new BoardRow(SCHEMA_VERSION, v.orderId(), v.reference(), v.status(), v.restaurantId(),
                v.restaurant() == null ? null : v.restaurant().name(), v.driverId(),
                v.driver() == null ? null : v.driver().name(), v.itemCount(), v.totalAmount(), v.requestedDeliveryAt(),
                v.createdAt(), v.updatedAt(), v.version(), v.sourceCommitTime());
    }

    /** The row as JSON, with the one mapping every contract uses. */
    public String toJson() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The form held in Redis: {@code <sourceCommitTime epoch ms, empty when unknown>|<status>|<JSON>}.
     * The two prefixes let a reader report data age and drop a row whose status no longer matches
     * the filter without parsing the JSON.
     */
    public String stored() {
        return (sourceCommitTime == null ? "" : Long.toString(sourceCommitTime.toEpochMilli())) + '|' + status + '|' + toJson();
    }

    /**
     * A row's {@linkplain #stored() stored form}, split without parsing the JSON.
     *
     * @param commitMillis source commit time in epoch ms, or {@link Long#MIN_VALUE} when unknown
     * @param json         the row's JSON, to be served as it is
     */
    public record Stored(long commitMillis, String status, String json) {

        public static Stored decode(String stored) {
            int first = stored.indexOf('|');
            int second = first < 0 ? -1 : stored.indexOf('|', first + 1);
            if (second < 0) {
                throw new IllegalArgumentException("not a stored board row: " + abbreviate(stored));
            }
            long commit = first == 0 ? Long.MIN_VALUE : Long.parseLong(stored, 0, first, 10);
            return new Stored(commit, stored.substring(first + 1, second), stored.substring(second + 1));
        }

        private static String abbreviate(String s) {
            return s.length() <= 40 ? s : s.substring(0, 40) + "…";
        }
    }
}
