package ge.dms.bench.platform;

import ge.dms.schemas.order.OrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The indexes the direct-SQL design relied on, put on the write side's {@code orders} only while a
 * scenario runs (so the comparison is fair) and dropped at its end (so the command API's schema is
 * untouched): composite restaurant/status/created, a partial index on open orders, a covering
 * index for the board list, and restaurant/driver/created for the driver filter. All named {@code bench_*}.
 */
public final class BenchIndexes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BenchIndexes.class);

    public static final String OPEN_STATUSES = OrderStatus.sqlLiterals(OrderStatus.OPEN);

    static final List<String> NAMES = List.of("bench_orders_restaurant_status_created", "bench_orders_open",
            "bench_orders_board_covering", "bench_orders_restaurant_driver_created");
    static final List<String> DEFINITIONS = List.of(
            "CREATE INDEX IF NOT EXISTS bench_orders_restaurant_status_created ON orders (restaurant_id, status, created_at DESC, id DESC)",
            "CREATE INDEX IF NOT EXISTS bench_orders_open ON orders (restaurant_id, created_at DESC, id DESC) WHERE status IN ("
                    + OPEN_STATUSES + ")",
            "CREATE INDEX IF NOT EXISTS bench_orders_board_covering ON orders (restaurant_id, created_at DESC, id DESC) "
                    + "INCLUDE (reference, status, driver_id, total_amount, item_count, requested_delivery_at, updated_at, version)",
            "CREATE INDEX IF NOT EXISTS bench_orders_restaurant_driver_created ON orders (restaurant_id, driver_id, created_at DESC, id DESC)");

    private final Db db;
    private final double createSeconds;
    /** Drops the indexes when the run is interrupted (Ctrl-C): try-with-resources does not run then. */
    private final Thread onExit;

    private BenchIndexes(Db db, double createSeconds) {
        this.db = db;
        this.createSeconds = createSeconds;
        this.onExit = new Thread(this::drop, "bench-indexes-drop");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** Creates the indexes (if missing) and refreshes the planner's statistics. */
    public static BenchIndexes create(Db db) throws SQLException {
        long started = System.nanoTime();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String ddl : DEFINITIONS) {
                s.execute(ddl);
            }
            s.execute("ANALYZE orders");
        }
        double seconds = Math.round((System.nanoTime() - started) / 1e6) / 1e3;
        LOG.info("write side: created {} in {} s (dropped again at the end)", NAMES, seconds);
        return new BenchIndexes(db, seconds);
    }

    /** What the output says about them. */
    public String describe() {
        return "while this scenario ran, the write side carried " + String.join(", ", NAMES) + " (created in " + createSeconds
                + " s, dropped at the end)";
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            return; // the hook drops them
        }
        drop();
    }

    private void drop() {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String name : NAMES) {
                s.execute("DROP INDEX IF EXISTS " + name);
            }
            LOG.info("write side: dropped {}", NAMES);
        } catch (SQLException e) {
            LOG.warn("could not drop the bench_* indexes on orders; drop them by hand: {}", NAMES, e);
        }
    }
}
