package ge.dms.bench.data;

import java.util.Map;

/**
 * What a load wrote and how fast.
 *
 * @param rows            rows written per table
 * @param ordersByStatus  the generated orders' final statuses
 * @param loadSeconds     generating and COPYing everything, commits included
 * @param analyzeSeconds  the ANALYZE that follows, so the planner knows the new sizes
 */
public record LoadReport(Map<String, Long> rows, Map<String, Long> ordersByStatus, double loadSeconds, double analyzeSeconds) {

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    public double rowsPerSecond() {
        return loadSeconds == 0 ? 0 : Math.round(totalRows() / loadSeconds);
    }

    public double ordersPerSecond() {
        return loadSeconds == 0 ? 0 : Math.round(rows.getOrDefault("orders", 0L) / loadSeconds);
    }
}
