package ge.dms.projection.analytics;

import ge.dms.projection.readstore.ReadStore;
import ge.dms.projection.readstore.ReusedConnection;
import ge.dms.readmodel.ReadSideSql;
import ge.dms.readmodel.UpsertColumns;
import ge.dms.readmodel.jooq.tables.records.AnalyticsDailyRecord;
import ge.dms.schemas.serde.Json;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;

import static ge.dms.readmodel.jooq.Tables.ANALYTICS_DAILY;

/**
 * Upserts one {@code analytics_daily} row with its whole new state. Idempotent: the same figures
 * written twice leave the same row. Called on the stream thread; the analytics topology's record
 * cache collapses bursts of changes to one key before they get here.
 */
public final class ReadStoreAnalyticsWriter implements AnalyticsSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadStoreAnalyticsWriter.class);
    private static final int ATTEMPTS = 3;
    /** Every column but {@code updated_at}, whose default (now()) stamps an insert; an update sets it below. */
    private static final UpsertColumns<AnalyticsDailyRecord> DAY = UpsertColumns.of(ANALYTICS_DAILY,
            ANALYTICS_DAILY.DIMENSION, ANALYTICS_DAILY.DIMENSION_ID, ANALYTICS_DAILY.DAY, ANALYTICS_DAILY.ORDERS,
            ANALYTICS_DAILY.STATUS_COUNTS, ANALYTICS_DAILY.DELIVERED_COUNT, ANALYTICS_DAILY.DELIVERED_REVENUE,
            ANALYTICS_DAILY.PICKUP_TO_DELIVERY_SECONDS, ANALYTICS_DAILY.PICKUP_TO_DELIVERY_COUNT,
            ANALYTICS_DAILY.CREATED_TO_DELIVERY_SECONDS, ANALYTICS_DAILY.CREATED_TO_DELIVERY_COUNT,
            ANALYTICS_DAILY.PICKUP_TO_DELIVERY_HISTOGRAM, ANALYTICS_DAILY.CREATED_TO_DELIVERY_HISTOGRAM,
            ANALYTICS_DAILY.ON_TIME_COUNT, ANALYTICS_DAILY.ON_TIME_ELIGIBLE);

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
            } catch (SQLException | DataAccessException e) {
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
        DSLContext sql = ReadSideSql.using(c);
        sql.insertInto(ANALYTICS_DAILY, DAY.fields()).values(values(key, f))
                .onConflict(ANALYTICS_DAILY.DIMENSION, ANALYTICS_DAILY.DAY, ANALYTICS_DAILY.DIMENSION_ID).doUpdate()
                .set(DAY.excludedExcept(ANALYTICS_DAILY.DIMENSION, ANALYTICS_DAILY.DAY, ANALYTICS_DAILY.DIMENSION_ID))
                .set(ANALYTICS_DAILY.UPDATED_AT, ReadSideSql.NOW)
                .execute();
        c.commit();
    }

    private static Object[] values(AnalyticsKey key, DailyFigures f) {
        return DAY.row()
                .set(ANALYTICS_DAILY.DIMENSION, key.dimension())
                .set(ANALYTICS_DAILY.DIMENSION_ID, key.id())
                .set(ANALYTICS_DAILY.DAY, key.day())
                .set(ANALYTICS_DAILY.ORDERS, f.orders())
                .set(ANALYTICS_DAILY.STATUS_COUNTS, JSONB.valueOf(json(f.byStatus())))
                .set(ANALYTICS_DAILY.DELIVERED_COUNT, f.deliveredCount())
                .set(ANALYTICS_DAILY.DELIVERED_REVENUE, f.deliveredRevenue())
                .set(ANALYTICS_DAILY.PICKUP_TO_DELIVERY_SECONDS, f.pickupToDeliverySeconds())
                .set(ANALYTICS_DAILY.PICKUP_TO_DELIVERY_COUNT, f.pickupToDeliveryCount())
                .set(ANALYTICS_DAILY.CREATED_TO_DELIVERY_SECONDS, f.createdToDeliverySeconds())
                .set(ANALYTICS_DAILY.CREATED_TO_DELIVERY_COUNT, f.createdToDeliveryCount())
                .set(ANALYTICS_DAILY.PICKUP_TO_DELIVERY_HISTOGRAM, f.pickupToDeliveryHistogram().toArray(Long[]::new))
                .set(ANALYTICS_DAILY.CREATED_TO_DELIVERY_HISTOGRAM, f.createdToDeliveryHistogram().toArray(Long[]::new))
                .set(ANALYTICS_DAILY.ON_TIME_COUNT, f.onTimeCount())
                .set(ANALYTICS_DAILY.ON_TIME_ELIGIBLE, f.onTimeEligible())
                .values();
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
