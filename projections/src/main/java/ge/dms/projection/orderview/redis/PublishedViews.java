package ge.dms.projection.orderview.redis;

import ge.dms.schemas.view.OrderView;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The views this process has published to Redis (their stream entries added and acknowledged), by order: the newest
 * one of each order, in a bounded memory. A view is published before its Kafka transaction commits, so a transaction
 * aborted after a Redis failure is replayed, and when Redis came back empty its views would be published a second
 * time: every screen that had them would get the same change again. The hot path writes a view no newer than the one
 * published ({@link OrderView#isNewerThan}: each order's views are published in order, so it was published too) as
 * state put back, with no stream entry ({@link RedisOrderViewWriter}), exactly as the refill does.
 *
 * <p>Bounded by two generations of {@value #GENERATION} orders: when the current one is full it becomes the previous
 * one and the oldest is dropped, so the replay of any recent transaction (seconds of changes) always finds its views.
 * A view forgotten or written by another process is published again: a duplicate, never a loss.
 */
final class PublishedViews {

    static final int GENERATION = 100_000;

    private record Mark(long version, long sourceLsn, long restaurantLsn, long driverLsn) {
        static Mark of(OrderView view) {
            return new Mark(view.version(), view.sourceLsn(), view.restaurantLsn(), view.driverLsn());
        }

        boolean covers(OrderView view) {
            return !view.isNewerThan(version, sourceLsn, restaurantLsn, driverLsn);
        }
    }

    private volatile Map<Long, Mark> current = new ConcurrentHashMap<>();
    private volatile Map<Long, Mark> previous = Map.of();

    /** Whether this view of its order, or a newer one, was published. */
    boolean published(OrderView view) {
        Mark mark = current.get(view.orderId());
        if (mark == null) {
            mark = previous.get(view.orderId());
        }
        return mark != null && mark.covers(view);
    }

    /** Called once Redis acknowledged the view's write: it was applied, or Redis held it (or a newer one) already. */
    void publish(OrderView view) {
        Map<Long, Mark> now = current;
        now.merge(view.orderId(), Mark.of(view), (held, mark) -> held.covers(view) ? held : mark);
        if (now.size() >= GENERATION) {
            rotate(now);
        }
    }

    private synchronized void rotate(Map<Long, Mark> full) {
        if (current == full) {
            previous = full;
            current = new ConcurrentHashMap<>();
        }
    }
}
