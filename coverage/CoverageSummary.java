import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the figure per module from JaCoCo's CSV report as the Markdown table README.md carries (build tooling, run by
 * coverage.xml as a single-file program: {@code java CoverageSummary.java coverage.csv module=floor ...}).
 * The floors themselves are checked by JaCoCo's own check in coverage.xml; this only shows them beside the figures.
 */
public final class CoverageSummary {

    /** Covered and missed counts of one counter. */
    private record Count(long covered, long missed) {
        Count plus(long c, long m) {
            return new Count(covered + c, missed + m);
        }

        String percent() {
            long total = covered + missed;
            return total == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100.0 * covered / total);
        }

        String ratio() {
            return String.format(Locale.ROOT, "%,d / %,d", covered, covered + missed);
        }
    }

    private record Module(Count lines, Count branches, Count instructions) {
        static final Module EMPTY = new Module(new Count(0, 0), new Count(0, 0), new Count(0, 0));

        Module plus(String[] row) {
            // GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,...
            return new Module(lines.plus(Long.parseLong(row[8]), Long.parseLong(row[7])),
                    branches.plus(Long.parseLong(row[6]), Long.parseLong(row[5])),
                    instructions.plus(Long.parseLong(row[4]), Long.parseLong(row[3])));
        }

        Module plus(Module other) {
            return new Module(lines.plus(other.lines.covered, other.lines.missed),
                    branches.plus(other.branches.covered, other.branches.missed),
                    instructions.plus(other.instructions.covered, other.instructions.missed));
        }
    }

    public static void main(String[] args) throws IOException {
        List<String> rows = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        Map<String, String> floors = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] moduleAndFloor = args[i].split("=", 2);
            floors.put(moduleAndFloor[0], moduleAndFloor[1]);
        }
        Map<String, Module> modules = new LinkedHashMap<>();
        floors.keySet().forEach(name -> modules.put(name, Module.EMPTY));
        for (String line : rows.subList(1, rows.size())) {
            String[] row = line.split(",");
            String group = row[0].substring(row[0].lastIndexOf('/') + 1);
            modules.merge(group, Module.EMPTY.plus(row), Module::plus);
        }
        System.out.println("| module | lines | branches | instructions | floor (lines) |");
        System.out.println("|---|---:|---:|---:|---:|");
        Module all = Module.EMPTY;
        for (Map.Entry<String, Module> entry : modules.entrySet()) {
            Module m = entry.getValue();
            all = all.plus(m);
            String floor = floors.containsKey(entry.getKey())
                    ? String.format(Locale.ROOT, "%.0f %%", 100 * Double.parseDouble(floors.get(entry.getKey()))) : "";
            System.out.printf(Locale.ROOT, "| `%s` | %s (%s) | %s | %s | %s |%n", entry.getKey(), m.lines().percent(),
                    m.lines().ratio(), m.branches().percent(), m.instructions().percent(), floor);
        }
        System.out.printf(Locale.ROOT, "| **all product code** | **%s** (%s) | %s | %s | |%n", all.lines().percent(),
                all.lines().ratio(), all.branches().percent(), all.instructions().percent());
    }
}
