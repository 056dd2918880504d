package ge.dms.bench.platform;

import ge.dms.bench.cli.Progress;
import ge.dms.bench.data.DataGenerator;
import ge.dms.bench.data.LoadReport;
import ge.dms.bench.data.Scale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Makes sure the write side holds enough orders for a scenario (bulk-loading the missing ones with
 * {@link DataGenerator}), and waits until the read side has caught up with it: the projections'
 * {@code order_view} holds every order at its write-side version.
 */
public final class OrderData {

    private static final Logger LOG = LoggerFactory.getLogger(OrderData.class);

    /** Write-side totals: orders, the sum of their versions (one per status change) and every row CDC carried for them. */
    public record Totals(long orders, long versions, long rows) {
    }

    private OrderData() {
    }

    public static Totals writeTotals(Db write) throws SQLException {
        try (Connection c = write.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT (SELECT count(*) FROM orders), (SELECT coalesce(sum(version), 0) FROM orders),
                            (SELECT count(*) FROM orders) + (SELECT count(*) FROM order_items) + (SELECT count(*) FROM order_status_changes)""")) {
            rs.next();
            return new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    /** Order count and version sum of the write side's {@code orders}: what the read side must reach. */
    public static long[] writeOrderTotals(Db write) throws SQLException {
        return orderTotals(write, "orders");
    }

    /** Order count and version sum in the read side's {@code order_view}. */
    public static long[] readTotals(Db read) throws SQLException {
        return orderTotals(read, "order_view");
    }

    private static long[] orderTotals(Db db, String table) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), coalesce(sum(version), 0) FROM " + table)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /**
     * Generates the orders missing to reach {@code wanted} (with a few restaurants, drivers and
     * products of their own); returns how many were generated (0 when there were enough).
     */
    public static long ensureOrders(Db write, long wanted, boolean progress) throws SQLException {
        long have = writeOrderTotals(write)[0];
        if (have >= wanted) {
            return 0;
        }
        int missing = Math.toIntExact(wanted - have);
        LOG.info("the write side holds {} orders; generating {} more", have, missing);
        Scale scale = new Scale(Math.max(5, Math.min(500, missing / 400)), Math.max(3, Math.min(200, missing / 1000)), 200, missing, 6);
        DataGenerator.Options options = new DataGenerator.Options(scale, System.currentTimeMillis(), Instant.now().truncatedTo(ChronoUnit.HOURS),
                2_000);
        try (Progress bar = Progress.start("generate", missing, "orders", progress)) {
            LoadReport report = DataGenerator.load(write.url(), write.user(), write.password(), options, bar::step);
            LOG.info("generated {} orders in {} s", missing, report.loadSeconds());
        }
        return missing;
    }

    /**
     * Waits until {@code order_view} holds as many orders, with the same version sum, as the write side
     * (the sink applies only newer versions, so equal sums mean every last change is in). Returns the seconds waited.
     */
    public static double awaitReadSide(Db write, Db read, Duration timeout) throws SQLException, InterruptedException {
        return awaitReadSide(write, read, timeout, (applied, wanted) -> { });
    }

    /**
     * As {@link #awaitReadSide(Db, Db, Duration)}, telling {@code progress} the read side's version sum
     * against the write side's after each look (a version is one status change carried through).
     */
    public static double awaitReadSide(Db write, Db read, Duration timeout, CatchUpProgress progress)
            throws SQLException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        // Only orders: counting every item and status-log row (3 million at full size) twice a second would load the
        // write side while the projections catch up from it.
        long[] target = writeOrderTotals(write);
        long[] seen = readTotals(read);
        progress.seen(seen[1], target[1]);
        while (seen[0] != target[0] || seen[1] != target[1]) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the read side did not catch up within " + timeout + ": order_view holds " + seen[0]
                        + " orders (version sum " + seen[1] + "), the write side " + target[0] + " (" + target[1] + ")");
            }
            Thread.sleep(500); // a progress poll of two databases, not a wait for a result: nothing to be woken by
            target = writeOrderTotals(write);
            seen = readTotals(read);
            progress.seen(seen[1], target[1]);
        }
        return Math.round((System.nanoTime() - started) / 1e6) / 1e3;
    }

    /** Told how far the read side is: its version sum and the write side's. */
    @FunctionalInterface
    public interface CatchUpProgress {
        void seen(long applied, long wanted);
    }
}
