package ge.dms.bench.report;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The end of every scenario: build the result, write JSON and chart, print the table and where the files went. */
public final class Runs {

    private Runs() {
    }

    public static ScenarioResult finish(String scenario, Instant started, Map<String, Object> parameters, List<Series> series,
                                        Map<String, Object> figures, ResultFiles files, PrintWriter out) {
        ScenarioResult result = new ScenarioResult(scenario, started.toString(), Instant.now().toString(), Machine.describe(),
                parameters, series, figures);
        Path json = files.json(result);
        Path markdown = files.markdown(result);
        Path chart = files.chart(result);
        SummaryTable.print(result, out);
        out.printf("results: %s, %s%s%n", ResultFiles.shown(json), ResultFiles.shown(markdown),
                chart == null ? "" : ", " + ResultFiles.shown(chart));
        out.flush();
        return result;
    }
}
