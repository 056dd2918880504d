package ge.dms.query.analytics;

import ge.dms.query.infra.ReadStore;
import ge.dms.query.order.ReadStoreOrders;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * KPIs and daily revenue summed in SQL over the projections' {@code analytics_daily} rows (one per
 * dimension, id and creation day): six months of one restaurant is ~180 rows, so ranges stay cheap.
 * Orders are attributed to the day they were created (Asia/Tbilisi), as the projection keys them.
 * Percentiles come from the histograms, so they are bucket upper bounds in minutes (null: beyond the last bound).
 */
@Singleton
public class AnalyticsQueries {

    private static final String TOTALS = """
            SELECT coalesce(sum(orders), 0), coalesce(sum(delivered_count), 0), coalesce(sum(delivered_revenue), 0),
                   coalesce(sum(pickup_to_delivery_seconds), 0), coalesce(sum(pickup_to_delivery_count), 0),
                   coalesce(sum(created_to_delivery_seconds), 0), coalesce(sum(created_to_delivery_count), 0),
                   coalesce(sum(on_time_count), 0), coalesce(sum(on_time_eligible), 0), max(updated_at)
            FROM analytics_daily WHERE %s
            """;
    private static final String STATUSES = """
            SELECT s.key, sum(s.value::bigint) FROM analytics_daily a, jsonb_each_text(a.status_counts) s
            WHERE %s GROUP BY s.key ORDER BY s.key
            """;
    private static final String HISTOGRAM = """
            SELECT u.i, sum(u.v), b.upper_minutes FROM analytics_daily a, unnest(a.%s) WITH ORDINALITY u(v, i)
            LEFT JOIN analytics_histogram_bucket b ON b.bucket = u.i
            WHERE %s GROUP BY u.i, b.upper_minutes ORDER BY u.i
            """;
    private static final String DAILY = """
            SELECT day, coalesce(sum(delivered_revenue), 0), coalesce(sum(delivered_count), 0), coalesce(sum(orders), 0), max(updated_at)
            FROM analytics_daily WHERE %s GROUP BY day ORDER BY day
            """;

    private final ReadStore store;

    public AnalyticsQueries(ReadStore store) {
        this.store = store;
    }

    public Result kpis(AnalyticsScope scope) {
        try (Connection c = store.connect()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("from", scope.from().toString());
            body.put("to", scope.to().toString());
            body.put(scope.dimension() + "Id", scope.id());
            Instant updated;
            try (PreparedStatement ps = c.prepareStatement(TOTALS.formatted(scope.where()))) {
                scope.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long delivered = rs.getLong(2);
                    BigDecimal revenue = rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_UP);
                    body.put("orders", rs.getLong(1));
                    body.put("revenue", Map.of("total", revenue.toPlainString(), "deliveredOrders", delivered,
                            "averageOrderValue", delivered == 0 ? "0.00"
                                    : revenue.divide(BigDecimal.valueOf(delivered), 2, RoundingMode.HALF_UP).toPlainString()));
                    body.put("deliveryTime", deliveryTimes(c, scope, rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
                    long onTime = rs.getLong(8);
                    long eligible = rs.getLong(9);
                    Map<String, Object> onTimeRate = new LinkedHashMap<>();
                    onTimeRate.put("onTime", onTime);
                    onTimeRate.put("eligible", eligible);
                    onTimeRate.put("rate", eligible == 0 ? null : BigDecimal.valueOf(onTime)
                            .divide(BigDecimal.valueOf(eligible), 4, RoundingMode.HALF_UP));
                    body.put("onTime", onTimeRate);
                    Timestamp t = rs.getTimestamp(10);
                    updated = t == null ? null : t.toInstant();
                }
            }
            body.put("statusDistribution", statuses(c, scope));
            return new Result(body, updated);
        } catch (SQLException e) {
            throw ReadStoreOrders.unavailable(e);
        }
    }

    public Result dailyRevenue(AnalyticsScope scope) {
        try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(DAILY.formatted(scope.where()))) {
            scope.bind(ps, 1);
            List<Map<String, Object>> days = new ArrayList<>();
            Instant updated = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> day = new LinkedHashMap<>();
                    day.put("day", rs.getObject(1, java.time.LocalDate.class).toString());
                    day.put("revenue", rs.getBigDecimal(2).setScale(2, RoundingMode.HALF_UP).toPlainString());
                    day.put("deliveredOrders", rs.getLong(3));
                    day.put("orders", rs.getLong(4));
                    days.add(day);
                    Timestamp t = rs.getTimestamp(5);
                    if (t != null && (updated == null || t.toInstant().isAfter(updated))) {
                        updated = t.toInstant();
                    }
                }
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("from", scope.from().toString());
            body.put("to", scope.to().toString());
            body.put(scope.dimension() + "Id", scope.id());
            body.put("days", days);
            return new Result(body, updated);
        } catch (SQLException e) {
            throw ReadStoreOrders.unavailable(e);
        }
    }

    private static Map<String, Object> deliveryTimes(Connection c, AnalyticsScope scope, long pickupSeconds, long pickupCount,
                                                     long createdSeconds, long createdCount) throws SQLException {
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("pickupToDelivery", timing(c, scope, "pickup_to_delivery_histogram", pickupSeconds, pickupCount));
        times.put("createdToDelivery", timing(c, scope, "created_to_delivery_histogram", createdSeconds, createdCount));
        return times;
    }

    private static Map<String, Object> timing(Connection c, AnalyticsScope scope, String column, long seconds, long count)
            throws SQLException {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("count", count);
        t.put("meanSeconds", count == 0 ? null : BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP));
        List<long[]> buckets = new ArrayList<>(); // {count, upperMinutes or -1}
        try (PreparedStatement ps = c.prepareStatement(HISTOGRAM.formatted(column, scope.where()))) {
            scope.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int upper = rs.getInt(3);
                    buckets.add(new long[] {rs.getLong(2), rs.wasNull() ? -1 : upper});
                }
            }
        }
        t.put("p50MinutesAtMost", quantile(buckets, 0.5));
        t.put("p90MinutesAtMost", quantile(buckets, 0.9));
        return t;
    }

    private static Long quantile(List<long[]> buckets, double q) {
        long total = buckets.stream().mapToLong(b -> b[0]).sum();
        if (total == 0) {
            return null;
        }
        long seen = 0;
        for (long[] b : buckets) {
            seen += b[0];
            if (seen >= Math.ceil(q * total)) {
                return b[1] < 0 ? null : b[1];
            }
        }
        return null;
    }

    private static Map<String, Long> statuses(Connection c, AnalyticsScope scope) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(STATUSES.formatted(scope.where()))) {
            scope.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    /** A JSON-ready body and when its newest row was written. */
    public record Result(Map<String, Object> body, Instant updated) {
    }
}
