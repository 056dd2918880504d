package ge.dms.query.order;

import ge.dms.query.http.ApiException;
import ge.dms.query.infra.ReadStore;
import ge.dms.schemas.order.OrderStatus;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.JSONB;
import org.jooq.Record2;
import org.jooq.Record5;
import org.jooq.ResultQuery;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static ge.dms.readmodel.jooq.Tables.ORDER_VIEW;

/** Order views from the read-side {@code order_view} table. A database failure is a 503. */
@Singleton
public class ReadStoreOrders {

    private static final Logger LOG = LoggerFactory.getLogger(ReadStoreOrders.class);
    /**
     * The driver's active statuses as literals in the statement: this enum's own constants, never input, so the
     * set is part of the text (and its plan) instead of a parameter.
     */
    private static final Condition ACTIVE_FOR_DRIVER = activeForDriver();

    private final ReadStore store;

    public ReadStoreOrders(ReadStore store) {
        this.store = store;
    }

    public Optional<StoredOrder> find(long orderId) {
        try {
            Record5<JSONB, Long, Long, Long, OffsetDateTime> r = store.sql()
                    .select(ORDER_VIEW.VIEW, ORDER_VIEW.VERSION, ORDER_VIEW.RESTAURANT_ID, ORDER_VIEW.DRIVER_ID,
                            ORDER_VIEW.SOURCE_COMMIT_TIME)
                    .from(ORDER_VIEW)
                    .where(ORDER_VIEW.ORDER_ID.eq(orderId))
                    .fetchOne();
            if (r == null) {
                return Optional.empty();
            }
            return Optional.of(new StoredOrder(orderId, r.value1().data(), r.value2(), r.value3(), r.value4(),
                    instant(r.value5())));
        } catch (DataAccessException e) {
            throw unavailable(e);
        }
    }

    /** The driver's active queue, soonest requested delivery first. */
    public Page driverQueue(long driverId) {
        try {
            return collect(store.sql().select(ORDER_VIEW.VIEW, ORDER_VIEW.SOURCE_COMMIT_TIME)
                    .from(ORDER_VIEW)
                    .where(ORDER_VIEW.DRIVER_ID.eq(driverId)).and(ACTIVE_FOR_DRIVER)
                    .orderBy(ORDER_VIEW.REQUESTED_DELIVERY_AT.asc().nullsLast(), ORDER_VIEW.ORDER_ID));
        } catch (DataAccessException e) {
            throw unavailable(e);
        }
    }

    /** {@code status IN ('confirmed', ...)}: the statuses of a driver's active load, as literals. */
    public static Condition activeForDriver() {
        return ORDER_VIEW.STATUS.in(OrderStatus.valuesOf(OrderStatus.ACTIVE_FOR_DRIVER).stream().map(DSL::inline).toList());
    }

    /** Runs a query of the view JSON and its source commit time; the views in order and the newest commit time. */
    public static Page collect(ResultQuery<Record2<JSONB, OffsetDateTime>> query) {
        List<String> views = new ArrayList<>();
        Instant newest = null;
        for (Record2<JSONB, OffsetDateTime> r : query.fetch()) {
            views.add(r.value1().data());
            Instant t = instant(r.value2());
            if (t != null && (newest == null || t.isAfter(newest))) {
                newest = t;
            }
        }
        return new Page(views, newest);
    }

    public static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /** {@link #unavailable(java.sql.SQLException)} for jOOQ's wrapper of the driver's exception. */
    public static ApiException unavailable(DataAccessException e) {
        return e.getCause() instanceof java.sql.SQLException sql ? unavailable(sql) : outage(e);
    }

    /**
     * A read-side failure as the caller's answer: 503 when the database is unreachable or failing, but 400 when it
     * refused a value the request carried (SQLState class 22, data exception: out of range, bad encoding), which
     * {@link ge.dms.query.http.Params} should have caught. Bad input must not look like an outage to alerting.
     */
    public static ApiException unavailable(java.sql.SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
            LOG.warn("Read-side PostgreSQL refused a value from the request: {}", e.toString());
            return ApiException.badRequest(null, "a value in the request is out of range or not representable");
        }
        return outage(e);
    }

    private static ApiException outage(Exception e) {
        LOG.warn("Read-side PostgreSQL failed: {}", e.toString());
        return ApiException.unavailable("the read-side database is unavailable; try again shortly");
    }

    /** Views and the newest commit time among them. */
    public record Page(List<String> views, Instant newest) {
    }
}
