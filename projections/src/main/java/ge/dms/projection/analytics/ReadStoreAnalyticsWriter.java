package ge.dms.projection.analytics;

import ge.dms.projection.readstore.ReadStore;
import ge.dms.projection.readstore.ReusedConnection;
import ge.dms.schemas.serde.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Upserts one {@code analytics_daily} row with its whole new state. Idempotent: the same figures
 * written twice leave the same row. Called on the stream thread; the analytics topology's record
 * cache collapses bursts of changes to one key before they get here.
 */
public final class ReadStoreAnalyticsWriter implements AnalyticsSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadStoreAnalyticsWriter.class);
    private static final int ATTEMPTS = 3;
    private static final String UPSERT = """
            INSERT INTO analytics_daily (dimension, dimension_id, day, orders, status_counts, delivered_count,
                delivered_revenue, pickup_to_delivery_seconds, pickup_to_delivery_count, created_to_delivery_seconds,
                created_to_delivery_count, pickup_to_delivery_histogram, created_to_delivery_histogram, on_time_count,
                on_time_eligible, updated_at)
            VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (dimension, day, dimension_id) DO UPDATE SET orders = EXCLUDED.orders,
                status_counts = EXCLUDED.status_counts, delivered_count = EXCLUDED.delivered_count,
                delivered_revenue = EXCLUDED.delivered_revenue,
                pickup_to_delivery_seconds = EXCLUDED.pickup_to_delivery_seconds,
                pickup_to_delivery_count = EXCLUDED.pickup_to_delivery_count,
                created_to_delivery_seconds = EXCLUDED.created_to_delivery_seconds,
                created_to_delivery_count = EXCLUDED.created_to_delivery_count,
                pickup_to_delivery_histogram = EXCLUDED.pickup_to_delivery_histogram,
                created_to_delivery_histogram = EXCLUDED.created_to_delivery_histogram,
                on_time_count = EXCLUDED.on_time_count, on_time_eligible = EXCLUDED.on_time_eligible, updated_at = now()
            """;

    private final ReusedConnection connection;

    public ReadStoreAnalyticsWriter(ReadStore store) {
        this.connection = new ReusedConnection(store);
    }

    @Override
    public void write(AnalyticsKey key, DailyFigures f) {
        for (int attempt = 1; ; attempt++) {
            try {
                upsert(key, f);
                return;
            } catch (SQLException e) {
                connection.discard();
                if (attempt >= ATTEMPTS) {
                    throw new IllegalStateException("cannot write analytics row " + key, e);
                }
                LOG.warn("Analytics write of {} failed (attempt {} of {}), retrying: {}", key, attempt, ATTEMPTS, e.toString());
            }
        }
    }

    private void upsert(AnalyticsKey key, DailyFigures f) throws SQLException {
        Connection c = connection.get();
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, key.dimension());
            ps.setLong(2, key.id());
            ps.setObject(3, key.day());
            ps.setLong(4, f.orders());
            ps.setString(5, json(f.byStatus()));
            ps.setLong(6, f.deliveredCount());
            ps.setBigDecimal(7, f.deliveredRevenue());
            ps.setLong(8, f.pickupToDeliverySeconds());
            ps.setLong(9, f.pickupToDeliveryCount());
            ps.setLong(10, f.createdToDeliverySeconds());
            ps.setLong(11, f.createdToDeliveryCount());
            Array pickup = c.createArrayOf("bigint", f.pickupToDeliveryHistogram().toArray());
            Array created = c.createArrayOf("bigint", f.createdToDeliveryHistogram().toArray());
            ps.setArray(12, pickup);
            ps.setArray(13, created);
            ps.setLong(14, f.onTimeCount());
            ps.setLong(15, f.onTimeEligible());
            ps.executeUpdate();
            c.commit();
        }
    }

    @Override
    public void close() {
        connection.close();
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
