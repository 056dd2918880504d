package ge.dms.bench.report;

import java.io.PrintWriter;
import java.util.Map;

/** The table a scenario prints at the end: one row per series, then its single-number figures. */
public final class SummaryTable {

    private static final String ROW = "%-34s %9s %7s %9s %9s %9s %9s %9s %10s%n";

    private SummaryTable() {
    }

    public static void print(ScenarioResult result, PrintWriter out) {
        Machine m = result.machine();
        out.printf("%n== %s  (%s, %d cores, %.1f GiB, %s, %s, load average %.2f)%n", result.scenario(), m.cpu(), m.cores(),
                m.memoryBytes() / 1024.0 / 1024 / 1024, m.os(), m.jdk(), m.loadAverage());
        if (!result.series().isEmpty()) {
            out.printf(ROW, "series", "count", "errors", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "ops/s");
            for (Series s : result.series()) {
                out.printf(ROW, s.name(), s.count(), s.errors(), fmt(s.p50()), fmt(s.p90()), fmt(s.p99()), fmt(s.p999()),
                        fmt(s.max()), fmt(s.throughput()));
            }
        }
        for (Map.Entry<String, Object> figure : result.figures().entrySet()) {
            if (figure.getValue() instanceof java.util.List<?> rows && !rows.isEmpty() && rows.getFirst() instanceof Map) {
                out.printf("%s:%n", figure.getKey());
                rows.forEach(row -> out.printf("  %s%n", row)); // one line per row (a fault's), not one line for all
            } else {
                out.printf("%-34s %s%n", figure.getKey(), figure.getValue());
            }
        }
        out.flush();
    }

    private static String fmt(double value) {
        return value >= 100 ? String.format("%.0f", value) : String.format("%.2f", value);
    }
}
