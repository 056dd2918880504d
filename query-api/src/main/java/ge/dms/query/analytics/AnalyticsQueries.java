package ge.dms.query.analytics;

import ge.dms.query.infra.ReadStore;
import ge.dms.query.order.ReadStoreOrders;
import jakarta.inject.Singleton;
import org.jooq.Record;
import org.jooq.Record5;
import org.jooq.exception.DataAccessException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static ge.dms.query.analytics.AnalyticsKpiQuery.BOUNDS;
import static ge.dms.query.analytics.AnalyticsKpiQuery.CREATED_COUNT;
import static ge.dms.query.analytics.AnalyticsKpiQuery.CREATED_HISTOGRAM;
import static ge.dms.query.analytics.AnalyticsKpiQuery.CREATED_SECONDS;
import static ge.dms.query.analytics.AnalyticsKpiQuery.DELIVERED;
import static ge.dms.query.analytics.AnalyticsKpiQuery.ELIGIBLE;
import static ge.dms.query.analytics.AnalyticsKpiQuery.ON_TIME;
import static ge.dms.query.analytics.AnalyticsKpiQuery.ORDERS;
import static ge.dms.query.analytics.AnalyticsKpiQuery.PICKUP_COUNT;
import static ge.dms.query.analytics.AnalyticsKpiQuery.PICKUP_HISTOGRAM;
import static ge.dms.query.analytics.AnalyticsKpiQuery.PICKUP_SECONDS;
import static ge.dms.query.analytics.AnalyticsKpiQuery.REVENUE;
import static ge.dms.query.analytics.AnalyticsKpiQuery.STATUSES;
import static ge.dms.query.analytics.AnalyticsKpiQuery.STATUS_COUNTS;
import static ge.dms.query.analytics.AnalyticsKpiQuery.UPDATED;
import static ge.dms.query.order.ReadStoreOrders.instant;
import static ge.dms.readmodel.jooq.Tables.ANALYTICS_DAILY;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.sum;

/**
 * KPIs and daily revenue summed in SQL over the projections' {@code analytics_daily} rows (one per
 * dimension, id and creation day): six months of one restaurant, one driver or of everything (the
 * {@code all} rows) is ~184 rows, so every range stays cheap. Orders are attributed to the day they
 * were created (Asia/Tbilisi), as the projection keys them. Percentiles come from the histograms
 * merged over the range, so they are bucket upper bounds in minutes (null: beyond the last bound).
 */
@Singleton
public class AnalyticsQueries {

    private final ReadStore store;

    public AnalyticsQueries(ReadStore store) {
        this.store = store;
    }

    public Result kpis(AnalyticsScope scope) {
        Record rs;
        try {
            rs = AnalyticsKpiQuery.of(store.sql(), scope).fetchSingle();
        } catch (DataAccessException e) {
            throw ReadStoreOrders.unavailable(e);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", scope.from().toString());
        body.put("to", scope.to().toString());
        body.put(scope.idField(), scope.id());
        long delivered = rs.get(DELIVERED).longValue();
        BigDecimal revenue = rs.get(REVENUE).setScale(2, RoundingMode.HALF_UP);
        body.put("orders", rs.get(ORDERS).longValue());
        body.put("revenue", Map.of("total", revenue.toPlainString(), "deliveredOrders", delivered,
                "averageOrderValue", delivered == 0 ? "0.00"
                        : revenue.divide(BigDecimal.valueOf(delivered), 2, RoundingMode.HALF_UP).toPlainString()));
        Integer[] bounds = orEmpty(rs.get(BOUNDS), new Integer[0]);
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("pickupToDelivery", timing(rs.get(PICKUP_SECONDS).longValue(), rs.get(PICKUP_COUNT).longValue(),
                orEmpty(rs.get(PICKUP_HISTOGRAM), new Long[0]), bounds));
        times.put("createdToDelivery", timing(rs.get(CREATED_SECONDS).longValue(), rs.get(CREATED_COUNT).longValue(),
                orEmpty(rs.get(CREATED_HISTOGRAM), new Long[0]), bounds));
        body.put("deliveryTime", times);
        long onTime = rs.get(ON_TIME).longValue();
        long eligible = rs.get(ELIGIBLE).longValue();
        Map<String, Object> onTimeRate = new LinkedHashMap<>();
        onTimeRate.put("onTime", onTime);
        onTimeRate.put("eligible", eligible);
        onTimeRate.put("rate", eligible == 0 ? null : BigDecimal.valueOf(onTime)
                .divide(BigDecimal.valueOf(eligible), 4, RoundingMode.HALF_UP));
        body.put("onTime", onTimeRate);
        body.put("statusDistribution", statuses(orEmpty(rs.get(STATUSES), new String[0]),
                orEmpty(rs.get(STATUS_COUNTS), new Long[0])));
        return new Result(body, instant(rs.get(UPDATED)));
    }

    public Result dailyRevenue(AnalyticsScope scope) {
        List<Map<String, Object>> days = new ArrayList<>();
        Instant updated = null;
        try {
            for (Record5<LocalDate, BigDecimal, BigDecimal, BigDecimal, OffsetDateTime> r : store.sql()
                    .select(ANALYTICS_DAILY.DAY, coalesce(sum(ANALYTICS_DAILY.DELIVERED_REVENUE), inline(BigDecimal.ZERO)),
                            coalesce(sum(ANALYTICS_DAILY.DELIVERED_COUNT), inline(BigDecimal.ZERO)),
                            coalesce(sum(ANALYTICS_DAILY.ORDERS), inline(BigDecimal.ZERO)), max(ANALYTICS_DAILY.UPDATED_AT))
                    .from(ANALYTICS_DAILY).where(scope.condition())
                    .groupBy(ANALYTICS_DAILY.DAY).orderBy(ANALYTICS_DAILY.DAY)
                    .fetch()) {
                Map<String, Object> day = new LinkedHashMap<>();
                day.put("day", r.value1().toString());
                day.put("revenue", r.value2().setScale(2, RoundingMode.HALF_UP).toPlainString());
                day.put("deliveredOrders", r.value3().longValue());
                day.put("orders", r.value4().longValue());
                days.add(day);
                Instant t = instant(r.value5());
                if (t != null && (updated == null || t.isAfter(updated))) {
                    updated = t;
                }
            }
        } catch (DataAccessException e) {
            throw ReadStoreOrders.unavailable(e);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", scope.from().toString());
        body.put("to", scope.to().toString());
        body.put(scope.idField(), scope.id());
        body.put("days", days);
        return new Result(body, updated);
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

    /** An aggregated array; empty when the aggregate saw no rows (SQL null). */
    private static <T> T[] orEmpty(T[] array, T[] empty) {
        return array == null ? empty : array;
    }

    /** A JSON-ready body and when its newest row was written. */
    public record Result(Map<String, Object> body, Instant updated) {
    }
}
