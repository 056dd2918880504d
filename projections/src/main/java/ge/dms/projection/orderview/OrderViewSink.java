package ge.dms.projection.orderview;

import ge.dms.schemas.view.OrderView;

/**
 * Where finished order views go besides the compacted topic (Redis, ...). Implementations are
 * idempotent: they apply a view only if it is newer than what they hold ({@link OrderView#isNewerThan}),
 * so the replays that exactly-once processing can cause on an external store are harmless.
 */
@FunctionalInterface
public interface OrderViewSink {

    /** A sink that does nothing (topology tests that only look at topics and stores). */
    OrderViewSink NONE = view -> { };

    void write(OrderView view);

    /** The same, with the hop stamps of the change that made the view (null when it came another way). */
    default void write(OrderView view, HopTrace trace) {
        write(view);
    }
}
