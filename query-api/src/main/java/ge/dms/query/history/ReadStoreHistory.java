package ge.dms.query.history;

import ge.dms.query.infra.ReadStore;
import ge.dms.query.order.ReadStoreOrders;
import jakarta.inject.Singleton;

import org.jooq.Record;
import org.jooq.exception.DataAccessException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static ge.dms.query.order.ReadStoreOrders.instant;
import static ge.dms.readmodel.jooq.Tables.ORDER_HISTORY;

/**
 * One order's status log from the read-side {@code order_history} table (the projections copy
 * {@code order_status_changes} there), oldest first by the index {@code (order_id, changed_at, change_id)}.
 * A database failure is a 503.
 */
@Singleton
public class ReadStoreHistory {

    private final ReadStore store;

    public ReadStoreHistory(ReadStore store) {
        this.store = store;
    }

    /** The history and the newest source commit time among its changes (null when none is known). */
    public Answer find(long orderId) {
        List<OrderHistory.Change> changes = new ArrayList<>();
        Instant newest = null;
        try {
            for (Record r : store.sql()
                    .select(ORDER_HISTORY.CHANGE_ID, ORDER_HISTORY.FROM_STATUS, ORDER_HISTORY.TO_STATUS, ORDER_HISTORY.CHANGED_AT,
                            ORDER_HISTORY.ACTOR_ROLE, ORDER_HISTORY.ACTOR_ID, ORDER_HISTORY.REASON, ORDER_HISTORY.SOURCE_COMMIT_TIME)
                    .from(ORDER_HISTORY)
                    .where(ORDER_HISTORY.ORDER_ID.eq(orderId))
                    .orderBy(ORDER_HISTORY.CHANGED_AT, ORDER_HISTORY.CHANGE_ID)
                    .fetch()) {
                changes.add(new OrderHistory.Change(r.get(ORDER_HISTORY.CHANGE_ID), r.get(ORDER_HISTORY.FROM_STATUS),
                        r.get(ORDER_HISTORY.TO_STATUS), instant(r.get(ORDER_HISTORY.CHANGED_AT)),
                        new OrderHistory.Actor(r.get(ORDER_HISTORY.ACTOR_ROLE), r.get(ORDER_HISTORY.ACTOR_ID)),
                        r.get(ORDER_HISTORY.REASON)));
                Instant commit = instant(r.get(ORDER_HISTORY.SOURCE_COMMIT_TIME));
                if (commit != null && (newest == null || commit.isAfter(newest))) {
                    newest = commit;
                }
            }
        } catch (DataAccessException e) {
            throw ReadStoreOrders.unavailable(e);
        }
        return new Answer(new OrderHistory(orderId, changes), newest);
    }

    public record Answer(OrderHistory history, Instant newest) {
    }
}
