package ge.dms.bench.platform;

import ge.dms.bench.report.Series;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How many times slower the direct-SQL answer was than the query API's, per probe: {@code sql / api}
 * at p50, p99 and the mean. Above 1 the views win; below 1 direct SQL does.
 */
public final class Ratios {

    private Ratios() {
    }

    /** {@code probe -> {p50, p99, mean}} for every name with both an {@code api} and an {@code sql} series holding samples. */
    public static Map<String, Map<String, Double>> of(List<Series> series, List<String> names) {
        Map<String, Map<String, Double>> ratios = new LinkedHashMap<>();
        for (String name : names) {
            Optional<Series> api = find(series, "api " + name);
            Optional<Series> sql = find(series, "sql " + name);
            if (api.isEmpty() || sql.isEmpty() || api.get().count() == 0 || sql.get().count() == 0) {
                continue;
            }
            Map<String, Double> r = new LinkedHashMap<>();
            r.put("p50", ratio(sql.get().p50(), api.get().p50()));
            r.put("p99", ratio(sql.get().p99(), api.get().p99()));
            r.put("mean", ratio(sql.get().mean(), api.get().mean()));
            ratios.put(name, r);
        }
        return ratios;
    }

    /** {@code numerator / denominator}, to two decimals; null when the denominator is 0 (JSON has no infinity). */
    static Double ratio(double numerator, double denominator) {
        if (denominator <= 0) {
            return null;
        }
        return Math.round(numerator / denominator * 100) / 100.0;
    }

    private static Optional<Series> find(List<Series> series, String name) {
        return series.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
