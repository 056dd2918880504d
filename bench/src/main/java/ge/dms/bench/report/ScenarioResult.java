package ge.dms.bench.report;

import java.util.List;
import java.util.Map;

/**
 * What one run of one scenario wrote to {@code results/SCENARIO.json}.
 *
 * @param startedAt  ISO-8601 instant, as are {@code finishedAt}
 * @param parameters what the run was asked to do (rates, sizes, durations), as given
 * @param series     every measured latency series
 * @param figures    single numbers that are not latency series (rows/s, load seconds)
 */
public record ScenarioResult(String scenario, String startedAt, String finishedAt, Machine machine,
                             Map<String, Object> parameters, List<Series> series, Map<String, Object> figures) {
}
