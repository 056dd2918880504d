package ge.dms.bench.report;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One scenario's run as it goes: when it started, and the parameters, series and figures its results will hold, in order. */
public final class Run {

    private final String scenario;
    private final Instant started;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<Series> series = new ArrayList<>();

    public Run(String scenario, Instant started) {
        this.scenario = scenario;
        this.started = started;
    }

    public String scenario() {
        return scenario;
    }

    /** The settings the run was made with. */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /** What was measured besides the latency series. */
    public Map<String, Object> figures() {
        return figures;
    }

    public List<Series> series() {
        return series;
    }

    /** Writes the JSON and markdown of what the run holds so far, printing nothing: a long run cut short keeps its part. */
    public void writeSoFar(ResultFiles files) {
        ScenarioResult result = new ScenarioResult(scenario, started.toString(), java.time.Instant.now().toString(), Machine.describe(),
                parameters, series, figures);
        files.json(result);
        files.markdown(result);
    }

    /** Writes the results (JSON, markdown, chart) and prints the summary table. */
    public ScenarioResult finish(ResultFiles files, PrintWriter out) {
        return Runs.finish(scenario, started, parameters, series, figures, files, out);
    }
}
