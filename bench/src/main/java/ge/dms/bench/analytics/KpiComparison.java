package ge.dms.bench.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether the query API's KPIs equal the write side's SQL figures: counts, revenue and means
 * exactly; a percentile agrees when the SQL's exact value lies in the histogram bucket the API
 * names ({@code bounds}: the buckets' upper bounds in minutes, ascending; the API's null is the
 * open bucket past the last bound). Returns one line per mismatch.
 */
final class KpiComparison {

    /** Differing days listed one by one; beyond that, only how many more. */
    static final int SHOWN_DAYS = 3;

    private KpiComparison() {
    }

    static List<String> compare(Kpis api, Kpis sql, List<Long> bounds) {
        List<String> mismatches = new ArrayList<>();
        check(mismatches, "orders", api.orders(), sql.orders());
        check(mismatches, "statusDistribution", api.statuses(), sql.statuses());
        check(mismatches, "revenue", api.revenue().stripTrailingZeros(), sql.revenue().stripTrailingZeros());
        check(mismatches, "deliveredOrders", api.delivered(), sql.delivered());
        check(mismatches, "onTime", api.onTime(), sql.onTime());
        check(mismatches, "onTimeEligible", api.eligible(), sql.eligible());
        timing(mismatches, "pickupToDelivery", api.pickup(), sql.pickup(), bounds);
        timing(mismatches, "createdToDelivery", api.created(), sql.created(), bounds);
        return mismatches;
    }

    static List<String> compareDaily(Map<String, List<String>> api, Map<String, List<String>> sql) {
        List<String> mismatches = new ArrayList<>();
        int differing = 0;
        for (String day : new java.util.TreeSet<>(union(api, sql))) {
            if (!Objects.equals(api.get(day), sql.get(day)) && ++differing <= SHOWN_DAYS) {
                mismatches.add("day " + day + ": api " + api.get(day) + " vs sql " + sql.get(day) + " [revenue, delivered, orders]");
            }
        }
        if (differing > SHOWN_DAYS) {
            mismatches.add((differing - SHOWN_DAYS) + " more days differ");
        }
        return mismatches;
    }

    /** True when {@code seconds} falls in the bucket whose upper bound is {@code upperMinutes} (null: the open bucket). */
    static boolean inBucket(long seconds, Long upperMinutes, List<Long> bounds) {
        if (upperMinutes == null) {
            return bounds.isEmpty() || seconds > bounds.getLast() * 60;
        }
        int index = bounds.indexOf(upperMinutes);
        if (index < 0) {
            return false;
        }
        long lower = index == 0 ? -1 : bounds.get(index - 1) * 60;
        return seconds > lower && seconds <= upperMinutes * 60;
    }

    private static void timing(List<String> mismatches, String name, Kpis.Timing api, Kpis.Timing sql, List<Long> bounds) {
        check(mismatches, name + ".count", api.count(), sql.count());
        check(mismatches, name + ".meanSeconds", api.meanSeconds() == null ? null : api.meanSeconds().stripTrailingZeros(),
                sql.meanSeconds() == null ? null : sql.meanSeconds().stripTrailingZeros());
        if (bounds == null || sql.count() == 0) {
            return;
        }
        if (!inBucket(sql.p50(), api.p50(), bounds)) {
            mismatches.add(name + ".p50: sql " + sql.p50() + " s is not in the api's bucket ≤ " + api.p50() + " min");
        }
        if (!inBucket(sql.p90(), api.p90(), bounds)) {
            mismatches.add(name + ".p90: sql " + sql.p90() + " s is not in the api's bucket ≤ " + api.p90() + " min");
        }
    }

    private static void check(List<String> mismatches, String name, Object api, Object sql) {
        if (!Objects.equals(api, sql)) {
            mismatches.add(name + ": api " + api + " vs sql " + sql);
        }
    }

    private static java.util.Set<String> union(Map<String, ?> a, Map<String, ?> b) {
        java.util.Set<String> keys = new java.util.HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
