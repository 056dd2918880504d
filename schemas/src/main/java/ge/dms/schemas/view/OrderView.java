package ge.dms.schemas.view;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One order as every screen reads it: the order row joined with its items, its restaurant and
 * its driver. Published keyed by order id to the compacted topic {@code dms.views.orders}.
 * JSON Schema: {@code ge/dms/schemas/order-view.v1.schema.json}.
 *
 * <p>Only emitted for whole source transactions: {@code items.size() == itemCount}.
 * A reader applies a view only when {@link #isNewerThan} the one it holds: a higher order
 * {@code version}, or the same version with none of {@code sourceLsn}, {@code restaurantLsn},
 * {@code driverLsn} lower and one higher. (One LSN alone is not enough: a restaurant rename
 * committed before the order's last change may be joined after it.)
 *
 * @param schemaVersion     envelope version, {@value #SCHEMA_VERSION}
 * @param orderId           the order's id, also the record key
 * @param reference         human reference, e.g. {@code ORD-2026-000123}
 * @param status            an {@link ge.dms.schemas.order.OrderStatus#value()}
 * @param restaurantId      the ordering restaurant
 * @param restaurant        the restaurant's current details; null until its row has been seen
 * @param driverId          the assigned driver, null when none
 * @param driver            the driver's current details; null when none or not yet seen
 * @param deliveryAddress   where to deliver
 * @param requestedDeliveryAt the promised delivery time (on-time rate)
 * @param notes             free text, may be null
 * @param totalAmount       GEL, decimal string
 * @param itemCount         number of items in the order
 * @param items             the items, ordered by item id
 * @param version           the order row's optimistic-locking version
 * @param createdAt         placed
 * @param updatedAt         last write-side change
 * @param confirmedAt       confirmed, or null
 * @param readyAt           ready, or null
 * @param pickedUpAt        picked up, or null
 * @param deliveredAt       delivered, or null
 * @param cancelledAt       cancelled, or null
 * @param sourceLsn         highest source LSN among the order and item rows
 * @param restaurantLsn     LSN of the restaurant row joined, 0 when none
 * @param driverLsn         LSN of the driver row joined, 0 when none
 * @param sourceCommitTime  commit time of the newest source change in this view (for data age)
 * @param requestId         the correlation id of the request that made the order's last change (the order row's
 *                          {@code request_id}, {@code ge.dms.schemas.trace.Correlation}); it goes with
 *                          {@code sourceLsn}: a rename of the restaurant or driver does not change it. Null for
 *                          orders written outside a request and for views written before the field existed
 *                          (added to v1: optional, old readers ignore it)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderView(int schemaVersion,
                        long orderId,
                        String reference,
                        String status,
                        long restaurantId,
                        RestaurantRef restaurant,
                        Long driverId,
                        DriverRef driver,
                        String deliveryAddress,
                        Instant requestedDeliveryAt,
                        String notes,
                        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalAmount,
                        int itemCount,
                        List<OrderItemView> items,
                        long version,
                        Instant createdAt,
                        Instant updatedAt,
                        Instant confirmedAt,
                        Instant readyAt,
                        Instant pickedUpAt,
                        Instant deliveredAt,
                        Instant cancelledAt,
                        long sourceLsn,
                        long restaurantLsn,
                        long driverLsn,
                        Instant sourceCommitTime,
                        String requestId) {

    public static final int SCHEMA_VERSION = 1;

    public OrderView {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** A view without a request id (as every view was before the field was added). */
    public OrderView(int schemaVersion, long orderId, String reference, String status, long restaurantId,
                     RestaurantRef restaurant, Long driverId, DriverRef driver, String deliveryAddress,
                     Instant requestedDeliveryAt, String notes, BigDecimal totalAmount, int itemCount,
                     List<OrderItemView> items, long version, Instant createdAt, Instant updatedAt, Instant confirmedAt,
                     Instant readyAt, Instant pickedUpAt, Instant deliveredAt, Instant cancelledAt, long sourceLsn,
                     long restaurantLsn, long driverLsn, Instant sourceCommitTime) {
        this(schemaVersion, orderId, reference, status, restaurantId, restaurant, driverId, driver, deliveryAddress,
                requestedDeliveryAt, notes, totalAmount, itemCount, items, version, createdAt, updatedAt, confirmedAt,
                readyAt, pickedUpAt, deliveredAt, cancelledAt, sourceLsn, restaurantLsn, driverLsn, sourceCommitTime, null);
    }

    /**
     * True when this view should replace {@code held}: a higher order version, or the same version
     * where no source LSN went back and at least one went forward (a rename, a late item).
     */
    public boolean isNewerThan(OrderView held) {
        return held == null || isNewerThan(held.version, held.sourceLsn, held.restaurantLsn, held.driverLsn);
    }

    /** The same rule against a held view known only by its version and LSNs (what a reader keeps of it). */
    public boolean isNewerThan(long heldVersion, long heldSourceLsn, long heldRestaurantLsn, long heldDriverLsn) {
        if (version != heldVersion) {
            return version > heldVersion;
        }
        boolean noneBack = sourceLsn >= heldSourceLsn && restaurantLsn >= heldRestaurantLsn && driverLsn >= heldDriverLsn;
        boolean oneForward = sourceLsn > heldSourceLsn || restaurantLsn > heldRestaurantLsn || driverLsn > heldDriverLsn;
        return noneBack && oneForward;
    }
}
