package ge.dms.bench.report;

import java.util.Map;

/** The result as a markdown table, ready to paste into a README or an issue note. */
final class MarkdownTable {

    private MarkdownTable() {
    }

    static String of(ScenarioResult result) {
        Machine m = result.machine();
        StringBuilder md = new StringBuilder();
        md.append("### ").append(result.scenario()).append("\n\n");
        md.append("%s, %d cores, %.1f GiB, %s, %s; load average %.2f; %s\n\n".formatted(m.cpu(), m.cores(),
                m.memoryBytes() / 1024.0 / 1024 / 1024, m.os(), m.jdk(), m.loadAverage(), result.startedAt()));
        if (!result.series().isEmpty()) {
            md.append("| series | count | errors | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | ops/s |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Series s : result.series()) {
                md.append("| %s | %d | %d | %s | %s | %s | %s | %s | %s |\n".formatted(s.name(), s.count(), s.errors(), s.p50(), s.p90(),
                        s.p99(), s.p999(), s.max(), s.throughput()));
            }
            md.append('\n');
        }
        for (Map.Entry<String, Object> figure : result.figures().entrySet()) {
            md.append("- ").append(figure.getKey()).append(": ").append(figure.getValue()).append('\n');
        }
        md.append("\nParameters: ").append(result.parameters()).append('\n');
        return md.toString();
    }
}
