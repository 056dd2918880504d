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
 * index for the board list, and restaurant/driver/created for the driver filter; and its order summary
 * view ({@value #SUMMARY_VIEW}: each order with its restaurant's and driver's details), which the board and
 * the order detail read. All named {@code bench_*}.
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

    /** The old design's order summary: a plain view (PostgreSQL inlines it, so the indexes above still serve it). */
    public static final String SUMMARY_VIEW = "bench_order_summary";
    static final String SUMMARY_DEFINITION = "CREATE OR REPLACE VIEW " + SUMMARY_VIEW + """
             AS
            SELECT o.id, o.reference, o.status, o.restaurant_id, r.name AS restaurant_name, r.address AS restaurant_address,
                   r.city AS restaurant_city, r.phone AS restaurant_phone, o.driver_id, d.name AS driver_name,
                   d.phone AS driver_phone, d.vehicle AS driver_vehicle, o.delivery_address, o.requested_delivery_at, o.notes,
                   o.total_amount, o.item_count, o.version, o.created_at, o.updated_at, o.confirmed_at, o.ready_at,
                   o.picked_up_at, o.delivered_at, o.cancelled_at, o.request_id
            FROM orders o JOIN restaurants r ON r.id = o.restaurant_id LEFT JOIN drivers d ON d.id = o.driver_id""";

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
            s.execute(SUMMARY_DEFINITION);
            s.execute("ANALYZE orders");
        }
        double seconds = Math.round((System.nanoTime() - started) / 1e6) / 1e3;
        LOG.info("write side: created {} and the view {} in {} s (dropped again at the end)", NAMES, SUMMARY_VIEW, seconds);
        return new BenchIndexes(db, seconds);
    }

    /** What the output says about them. */
    public String describe() {
        return "while this scenario ran, the write side carried " + String.join(", ", NAMES) + " and the view " + SUMMARY_VIEW
                + " (created in " + createSeconds + " s, dropped at the end)";
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
            s.execute("DROP VIEW IF EXISTS " + SUMMARY_VIEW);
            for (String name : NAMES) {
                s.execute("DROP INDEX IF EXISTS " + name);
            }
            LOG.info("write side: dropped {}", NAMES);
        } catch (SQLException e) {
            LOG.warn("could not drop the bench_* indexes on orders and the view {}; drop them by hand: {}", SUMMARY_VIEW, NAMES, e);
        }
    }
}
