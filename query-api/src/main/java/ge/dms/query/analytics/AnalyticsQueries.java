package ge.dms.query.analytics;

import ge.dms.query.infra.ReadStore;
import ge.dms.query.order.ReadStoreOrders;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
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
 * dimension, id and creation day): six months of one restaurant, one driver or of everything (the
 * {@code all} rows) is ~184 rows, so every range stays cheap. Orders are attributed to the day they
 * were created (Asia/Tbilisi), as the projection keys them. Percentiles come from the histograms
 * merged over the range, so they are bucket upper bounds in minutes (null: beyond the last bound).
 */
@Singleton
public class AnalyticsQueries {

    /**
     * The KPIs in one round trip: the scope's rows once (materialized), their sums, the merged
     * histograms and status counts (element-wise sums over the rows), and the bucket bounds.
     */
    private static final String KPIS = """
            WITH r AS MATERIALIZED (SELECT * FROM analytics_daily WHERE %s)
            SELECT t.*, p.merged, c.merged, s.statuses, s.counts, b.bounds
            FROM (SELECT coalesce(sum(orders), 0), coalesce(sum(delivered_count), 0), coalesce(sum(delivered_revenue), 0),
                         coalesce(sum(pickup_to_delivery_seconds), 0), coalesce(sum(pickup_to_delivery_count), 0),
                         coalesce(sum(created_to_delivery_seconds), 0), coalesce(sum(created_to_delivery_count), 0),
                         coalesce(sum(on_time_count), 0), coalesce(sum(on_time_eligible), 0), max(updated_at)
                  FROM r) t,
                 (SELECT array_agg(n ORDER BY i) AS merged FROM (SELECT u.i, sum(u.v)::bigint AS n
                      FROM r, unnest(r.pickup_to_delivery_histogram) WITH ORDINALITY u(v, i) GROUP BY u.i) h) p,
                 (SELECT array_agg(n ORDER BY i) AS merged FROM (SELECT u.i, sum(u.v)::bigint AS n
                      FROM r, unnest(r.created_to_delivery_histogram) WITH ORDINALITY u(v, i) GROUP BY u.i) h) c,
                 (SELECT array_agg(k ORDER BY k) AS statuses, array_agg(n ORDER BY k) AS counts FROM (SELECT e.key AS k,
                      sum(e.value::bigint)::bigint AS n FROM r, jsonb_each_text(r.status_counts) e GROUP BY e.key) x) s,
                 (SELECT array_agg(upper_minutes ORDER BY bucket) AS bounds FROM analytics_histogram_bucket) b
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
        try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(KPIS.formatted(scope.where()))) {
            scope.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("from", scope.from().toString());
                body.put("to", scope.to().toString());
                body.put(scope.idField(), scope.id());
                long delivered = rs.getLong(2);
                BigDecimal revenue = rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_UP);
                body.put("orders", rs.getLong(1));
                body.put("revenue", Map.of("total", revenue.toPlainString(), "deliveredOrders", delivered,
                        "averageOrderValue", delivered == 0 ? "0.00"
                                : revenue.divide(BigDecimal.valueOf(delivered), 2, RoundingMode.HALF_UP).toPlainString()));
                Integer[] bounds = array(rs, 15, Integer[].class);
                Map<String, Object> times = new LinkedHashMap<>();
                times.put("pickupToDelivery", timing(rs.getLong(4), rs.getLong(5), array(rs, 11, Long[].class), bounds));
                times.put("createdToDelivery", timing(rs.getLong(6), rs.getLong(7), array(rs, 12, Long[].class), bounds));
                body.put("deliveryTime", times);
                long onTime = rs.getLong(8);
                long eligible = rs.getLong(9);
                Map<String, Object> onTimeRate = new LinkedHashMap<>();
                onTimeRate.put("onTime", onTime);
                onTimeRate.put("eligible", eligible);
                onTimeRate.put("rate", eligible == 0 ? null : BigDecimal.valueOf(onTime)
                        .divide(BigDecimal.valueOf(eligible), 4, RoundingMode.HALF_UP));
                body.put("onTime", onTimeRate);
                Timestamp t = rs.getTimestamp(10);
                body.put("statusDistribution", statuses(array(rs, 13, String[].class), array(rs, 14, Long[].class)));
                return new Result(body, t == null ? null : t.toInstant());
            }
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
            body.put(scope.idField(), scope.id());
            body.put("days", days);
            return new Result(body, updated);
        } catch (SQLException e) {
            throw ReadStoreOrders.unavailable(e);
        }
    }

    private static Map<String, Object> timing(long seconds, long count, Long[] histogram, Integer[] bounds) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("count", count);
        t.put("meanSeconds", count == 0 ? null : BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP));
        t.put("p50MinutesAtMost", quantile(histogram, bounds, 0.5));
        t.put("p90MinutesAtMost", quantile(histogram, bounds, 0.9));
        return t;
    }

    /** Upper bound (minutes) of the bucket holding quantile q; null without data or in the open-ended last bucket. */
    static Long quantile(Long[] histogram, Integer[] bounds, double q) {
        long total = 0;
        for (Long n : histogram) {
            total += n;
        }
        if (total == 0) {
            return null;
        }
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= Math.ceil(q * total)) {
                return i < bounds.length && bounds[i] != null ? Long.valueOf(bounds[i]) : null;
            }
        }
        return null;
    }

    private static Map<String, Long> statuses(String[] names, Long[] counts) {
        Map<String, Long> byStatus = new TreeMap<>();
        for (int i = 0; i < names.length; i++) {
            byStatus.put(names[i], counts[i]);
        }
        return byStatus;
    }

    /** A SQL array column as a Java array; empty when the aggregate saw no rows (SQL null). */
    private static <T> T[] array(ResultSet rs, int column, Class<T[]> type) throws SQLException {
        Array a = rs.getArray(column);
        return type.cast(a == null ? java.lang.reflect.Array.newInstance(type.getComponentType(), 0) : a.getArray());
    }

    /** A JSON-ready body and when its newest row was written. */
    public record Result(Map<String, Object> body, Instant updated) {
    }
}
