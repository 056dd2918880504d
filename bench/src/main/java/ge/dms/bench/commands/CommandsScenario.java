package ge.dms.bench.commands;

import ge.dms.bench.cli.ApiOptions;
import ge.dms.bench.cli.OutputOptions;
import ge.dms.bench.cli.Progress;
import ge.dms.bench.report.Runs;
import ge.dms.bench.report.Series;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ./dev bench commands}: order placement and lifecycle transitions through the command API
 * at fixed offered rates, open-loop ({@link OpenLoop}); latency and errors per rate.
 */
@Command(name = "commands", mixinStandardHelpOptions = true,
        description = "Order placement and lifecycle throughput at fixed offered rates (open loop, no coordinated omission).")
public final class CommandsScenario implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(CommandsScenario.class);

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Mixin
    OutputOptions output;

    @Option(names = "--quick", description = "rates 20,50 requests/s, 5 s each, 2 s warm-up")
    boolean quick;

    @Option(names = "--rates", split = ",", description = "offered rates, requests/s (default 25,50,100,200)")
    List<Double> rates;

    @Option(names = "--duration", description = "measured time per rate, e.g. 30s or PT30S (default 30s)")
    String duration;

    @Option(names = "--warmup", description = "unmeasured time at the first rate before measuring (default 10s)")
    String warmup;

    @Option(names = "--restaurants", defaultValue = "20", description = "restaurants created for the run (default ${DEFAULT-VALUE})")
    int restaurants;

    @Option(names = "--drivers", defaultValue = "10", description = "drivers created for the run (default ${DEFAULT-VALUE})")
    int drivers;

    @Option(names = "--products", defaultValue = "40", description = "products created for the run (default ${DEFAULT-VALUE})")
    int products;

    @Option(names = "--max-in-flight", defaultValue = "2000", description = "outstanding requests before the client counts "
            + "a request as refused (default ${DEFAULT-VALUE})")
    int maxInFlight;

    @Option(names = "--timeout", defaultValue = "10s", description = "per-request timeout (default ${DEFAULT-VALUE})")
    String timeout;

    @Override
    public Integer call() throws Exception {
        List<Double> offered = rates != null ? rates : quick ? List.of(20.0, 50.0) : List.of(25.0, 50.0, 100.0, 200.0);
        Duration measured = Durations.parse(duration, quick ? "5s" : "30s");
        Duration warm = Durations.parse(warmup, quick ? "2s" : "10s");
        if (offered.isEmpty() || offered.stream().anyMatch(r -> !(r > 0 && r <= 1_000_000)) || measured.isZero() || measured.isNegative()
                || warm.isNegative() || maxInFlight < 1) {
            throw new IllegalArgumentException("rates must be in (0, 1,000,000] per second, the duration positive, the warm-up "
                    + "not negative and --max-in-flight at least 1");
        }
        Instant started = Instant.now();
        List<Series> series = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        long errors = 0;
        try (ApiClient client = new ApiClient(api.commandApi(), Durations.parse(timeout, "10s"))) {
            Fixture fixture = Fixture.create(client, api.jwtSecret(), restaurants, drivers, products);
            OrderFlow flow = new OrderFlow(client, fixture);
            long totalMs = warm.toMillis() + measured.toMillis() * offered.size();
            try (Progress progress = Progress.overTime("commands", totalMs, output.progress())) {
                long[] done = {0};
                if (!warm.isZero()) {
                    progress.extraMessage("warm-up");
                    Measurements ignored = new Measurements();
                    run(flow, offered.getFirst(), warm, ignored, ms -> progress.stepTo(done[0] + ms));
                    done[0] += warm.toMillis();
                }
                for (double rate : offered) {
                    progress.extraMessage(label(rate));
                    Measurements m = new Measurements();
                    OpenLoop.Outcome outcome = run(flow, rate, measured, m, ms -> progress.stepTo(done[0] + ms));
                    done[0] += measured.toMillis();
                    series.addAll(m.summarise(label(rate) + " ", List.of(OrderFlow.PLACE, OrderFlow.TRANSITION, Measurements.ALL), measured));
                    figures.put(label(rate), phaseFigures(outcome, measured));
                    errors += m.errorCount();
                    LOG.debug("{}: {} issued, {} errors", label(rate), outcome.issued(), m.errorCount());
                }
            }
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("commandApi", api.commandApi().toString());
        parameters.put("ratesPerSecond", offered);
        parameters.put("durationPerRateSeconds", measured.toMillis() / 1000.0);
        parameters.put("warmupSeconds", warm.toMillis() / 1000.0);
        parameters.put("restaurants", restaurants);
        parameters.put("drivers", drivers);
        parameters.put("products", products);
        parameters.put("maxInFlight", maxInFlight);
        parameters.put("timing", "open loop; latency from each request's intended start (coordinated-omission free)");
        figures.put("errors", errors);
        Runs.finish("commands", started, parameters, series, figures, output.results(), spec.commandLine().getOut());
        return 0;
    }

    private OpenLoop.Outcome run(OrderFlow flow, double rate, Duration duration, Measurements m, java.util.function.LongConsumer progress) {
        return OpenLoop.run(rate, duration, maxInFlight, intended -> flow.next(intended, m),
                intended -> m.error(Measurements.ALL, "refused-by-client"), progress);
    }

    private static Map<String, Object> phaseFigures(OpenLoop.Outcome outcome, Duration measured) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("issued", outcome.issued());
        figures.put("refusedByClient", outcome.refused());
        figures.put("achievedOfferedRate", Math.round(outcome.issued() / (measured.toNanos() / 1e9) * 10) / 10.0);
        figures.put("maxSchedulingLagMs", Math.round(outcome.maxLag().toNanos() / 1e3) / 1e3);
        return figures;
    }

    private static String label(double rate) {
        return (rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate)) + "/s";
    }
}
