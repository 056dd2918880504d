package ge.dms.query.analytics;

import ge.dms.query.infra.ReadStore;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Orders created in [from, to) as CSV, streamed: a server-side cursor (fetch size) reads rows in
 * batches, a virtual thread writes them through a bounded pipe (8 x 16 kB), and the HTTP layer reads the other
 * end. Memory stays constant whatever the row count; a client that goes away closes the pipe,
 * which stops the query.
 */
@Singleton
public class CsvExport {

    static final String[] HEADER = {"order_id", "reference", "status", "restaurant_id", "restaurant_name", "driver_id",
            "driver_name", "delivery_address", "requested_delivery_at", "total_amount", "item_count", "created_at",
            "picked_up_at", "delivered_at", "cancelled_at", "notes"};
    private static final Logger LOG = LoggerFactory.getLogger(CsvExport.class);
    private static final int FETCH_SIZE = 1000;
    private static final String SQL = """
            SELECT order_id, reference, status, restaurant_id, restaurant_name, driver_id, driver_name, delivery_address,
                   requested_delivery_at, total_amount, item_count, created_at, picked_up_at, delivered_at, cancelled_at, notes
            FROM order_view WHERE created_at >= ? AND created_at < ? %s ORDER BY created_at, order_id
            """;

    private final ReadStore store;

    public CsvExport(ReadStore store) {
        this.store = store;
    }

    /** Commit time of the newest change the read side reflects (null while it is empty). */
    public Instant newestChange() throws SQLException {
        try (Connection c = store.connect();
             PreparedStatement ps = c.prepareStatement("SELECT max(source_commit_time) FROM order_view");
             java.sql.ResultSet rows = ps.executeQuery()) {
            rows.next();
            java.sql.Timestamp newest = rows.getTimestamp(1);
            return newest == null ? null : newest.toInstant();
        }
    }

    /**
     * Opens the database cursor now (so an unavailable database is an error before any byte is
     * sent) and returns the stream the rows are written to.
     */
    public InputStream open(Instant from, Instant to, Long restaurantId) throws SQLException {
        Connection c = store.connect();
        try {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            PreparedStatement ps = c.prepareStatement(SQL.formatted(restaurantId == null ? "" : "AND restaurant_id = ?"));
            ps.setFetchSize(FETCH_SIZE);
            ps.setObject(1, from.atOffset(ZoneOffset.UTC));
            ps.setObject(2, to.atOffset(ZoneOffset.UTC));
            if (restaurantId != null) {
                ps.setLong(3, restaurantId);
            }
            ResultSet rs = ps.executeQuery();
            BoundedPipe pipe = new BoundedPipe(8, 16 * 1024);
            Thread.ofVirtual().name("csv-export").start(() -> write(c, rs, pipe));
            return pipe.input();
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static void write(Connection c, ResultSet rs, BoundedPipe pipe) {
        long rows = 0;
        try (c; rs) {
            // Closed only on success: a failed export must end the response broken, not short and "complete".
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(pipe.output(), StandardCharsets.UTF_8), 16 * 1024);
            CsvWriter csv = new CsvWriter(w);
            csv.row((Object[]) HEADER);
            while (rs.next()) {
                Object[] fields = new Object[HEADER.length];
                for (int i = 0; i < fields.length; i++) {
                    Object v = rs.getObject(i + 1);
                    fields[i] = v instanceof java.sql.Timestamp t ? t.toInstant().toString()
                            : v instanceof java.math.BigDecimal d ? d.toPlainString() : v;
                }
                csv.row(fields);
                rows++;
            }
            w.close();
            c.rollback();
            LOG.debug("CSV export wrote {} rows", rows);
        } catch (IOException e) {
            LOG.info("CSV export stopped after {} rows: the client went away ({})", rows, e.toString());
        } catch (SQLException | RuntimeException e) {
            LOG.warn("CSV export failed after {} rows: {}", rows, e.toString());
            pipe.fail(new IOException("export failed: " + e.getMessage(), e));
        }
    }
}
