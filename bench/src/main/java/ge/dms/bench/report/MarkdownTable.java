package ge.dms.bench.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
            if (rows(figure.getValue()) == null) {
                md.append("- ").append(figure.getKey()).append(": ").append(figure.getValue()).append('\n');
            }
        }
        for (Map.Entry<String, Object> figure : result.figures().entrySet()) {
            List<Map<?, ?>> rows = rows(figure.getValue());
            if (rows != null) {
                md.append("\n").append(figure.getKey()).append(":\n\n").append(table(rows));
            }
        }
        md.append("\nParameters: ").append(result.parameters()).append('\n');
        return md.toString();
    }

    /** A figure that is a list of rows (maps), as {@code faults} has one per fault; null for any other figure. */
    private static List<Map<?, ?>> rows(Object figure) {
        if (!(figure instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(Map.class::isInstance)) {
            return null;
        }
        return list.stream().<Map<?, ?>>map(row -> (Map<?, ?>) row).toList();
    }

    /** One column per key any row has, in the order they first appear; an absent or null cell is a dash. */
    static String table(List<Map<?, ?>> rows) {
        Set<Object> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.keySet()));
        StringBuilder md = new StringBuilder("|");
        columns.forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|");
        columns.forEach(c -> md.append("---|"));
        md.append('\n');
        for (Map<?, ?> row : rows) {
            md.append('|');
            for (Object column : columns) {
                Object cell = row.get(column);
                md.append(' ').append(cell == null ? "–" : cell.toString().replace("|", "\\|")).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }
}
