package ge.dms.devstack.launcher;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Orders placed one after another on a thread of their own until closed (or a limit, so that a
 * fast machine does not pile up unbounded work), so that changes keep flowing through the
 * platform while a test breaks part of it. Closing waits for the order in flight and rethrows the
 * first failure, so a command the API refused fails the test.
 */
final class OrderTraffic implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "order-traffic"));
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger placed = new AtomicInteger();
    private final Future<?> work;

    private OrderTraffic(LongSupplier placeOrder, int limit) {
        work = thread.submit(() -> {
            while (running.get() && placed.get() < limit) {
                placeOrder.getAsLong();
                placed.incrementAndGet();
            }
            return null;
        });
    }

    /** Starts placing up to {@code limit} orders with {@code placeOrder} (one call, one order). */
    static OrderTraffic start(LongSupplier placeOrder, int limit) {
        return new OrderTraffic(placeOrder, limit);
    }

    int placed() {
        if (work.isDone()) {
            close(); // a failure surfaces here instead of as a wait for a count that will not come
        }
        return placed.get();
    }

    @Override
    public void close() {
        running.set(false);
        try {
            work.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("order traffic failed after " + placed.get() + " orders", e);
        } finally {
            thread.shutdownNow();
        }
    }
}
