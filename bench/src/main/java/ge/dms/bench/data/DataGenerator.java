package ge.dms.bench.data;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * The demo and bench data generator: realistic restaurants, drivers, a Georgian catalog and
 * months of orders with whole lifecycles ({@link Dataset}), bulk-loaded into a migrated write-side
 * database with COPY ({@link BulkLoader}). New rows go after whatever the database holds.
 * Deterministic for a seed, scale and end time (and the same starting database).
 *
 * <p>Meant for a database that is not taking writes at the same time: ids are given explicitly
 * and the sequences are moved past them per batch.
 */
public final class DataGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(DataGenerator.class);

    /**
     * @param end       the newest an order may be; orders whose next step would be later stay open
     * @param batchSize orders per transaction
     */
    public record Options(Scale scale, long seed, Instant end, int batchSize) {

        public Options {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be positive: " + batchSize);
            }
        }
    }

    private DataGenerator() {
    }

    public static LoadReport load(String jdbcUrl, String user, String password, Options options, LongConsumer ordersWritten) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            return load(connection, options, ordersWritten);
        } catch (SQLException e) {
            throw new IllegalStateException("loading generated data into " + jdbcUrl + " failed", e);
        }
    }

    /** Loads into {@code connection} (left in auto-commit mode afterwards); {@code ordersWritten} gets each committed batch's size. */
    public static LoadReport load(Connection connection, Options options, LongConsumer ordersWritten) throws SQLException {
        long started = System.nanoTime();
        BulkLoader loader = new BulkLoader(connection);
        Dataset dataset = new Dataset(options.scale(), options.seed(), options.end(), loader.idBases());
        loader.parties(dataset.restaurants(), dataset.drivers(), dataset.products());
        OrderBatches batches = new OrderBatches(loader, options.batchSize(), loader.nextOrderItemId(), loader.nextStatusChangeId(),
                ordersWritten);
        try {
            dataset.forEachOrder(batches::add);
        } catch (BatchFailure e) {
            throw e.getCause();
        }
        batches.flush();
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        long analyzeStarted = System.nanoTime();
        loader.analyze();
        double analyzeSeconds = (System.nanoTime() - analyzeStarted) / 1e9;
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("restaurants", (long) dataset.restaurants().size());
        rows.put("drivers", (long) dataset.drivers().size());
        rows.put("products", (long) dataset.products().size());
        rows.put("orders", batches.orders());
        rows.put("order_items", batches.items());
        rows.put("order_status_changes", batches.changes());
        LoadReport report = new LoadReport(rows, new TreeMap<>(batches.byStatus()), round(loadSeconds), round(analyzeSeconds));
        LOG.info("Generated {} rows ({} orders) in {} s: {} rows/s", report.totalRows(), batches.orders(), report.loadSeconds(),
                report.rowsPerSecond());
        return report;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** Carries a SQLException out of the order stream's callback. */
    static final class BatchFailure extends RuntimeException {
        BatchFailure(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
