package ge.dms.bench.commands;

import ge.dms.bench.cli.Offer;
import ge.dms.bench.cli.Scenario;
import ge.dms.bench.report.Run;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code ./dev bench commands}: order placement and lifecycle transitions through the command API
 * at fixed offered rates, open-loop ({@link OpenLoop}); latency and errors per rate.
 */
@Command(name = "commands", mixinStandardHelpOptions = true,
        description = "Order placement and lifecycle throughput at fixed offered rates (open loop, no coordinated omission).")
public final class CommandsScenario extends Scenario {

    private static final Logger LOG = LoggerFactory.getLogger(CommandsScenario.class);
    private static final Offer OFFER = Offer.quick("rates 20,50 requests/s, 5 s each, 2 s warm-up")
            .duration("measured time per rate, e.g. 30s or PT30S", "30s", "5s")
            .warmup("unmeasured time at the first rate before measuring", "10s", "2s")
            .maxInFlight("outstanding requests before the client counts a request as refused", "2000")
            .timeout("per-request timeout", "10s");

    /** What one measured rate did. */
    private record AtRate(Measurements measurements, OpenLoop.Outcome outcome) {
    }

    @Option(names = "--rates", split = ",", description = "offered rates, requests/s (default 25,50,100,200; 20,50 with --quick)")
    List<Double> rates;

    @Option(names = "--restaurants", defaultValue = "20", description = "restaurants created for the run (default ${DEFAULT-VALUE})")
    int restaurants;

    @Option(names = "--drivers", defaultValue = "10", description = "drivers created for the run (default ${DEFAULT-VALUE})")
    int drivers;

    @Option(names = "--products", defaultValue = "40", description = "products created for the run (default ${DEFAULT-VALUE})")
    int products;

    @Override
    protected Offer offer() {
        return OFFER;
    }

    @Override
    protected void measure(Run run) throws Exception {
        List<Double> offered = rates != null ? rates : quick ? List.of(20.0, 50.0) : List.of(25.0, 50.0, 100.0, 200.0);
        if (offered.isEmpty() || offered.stream().anyMatch(r -> !(r > 0 && r <= 1_000_000))) {
            throw new IllegalArgumentException("rates must be in (0, 1,000,000] per second");
        }
        Duration measured = duration();
        long errors = 0;
        try (ApiClient client = new ApiClient(api.commandApi(), timeout())) {
            OrderFlow flow = new OrderFlow(client, Fixture.create(client, api.jwtSecret(), restaurants, drivers, products));
            List<Measured<AtRate>> phases = offered.stream().map(rate -> new Measured<>(label(rate),
                    (length, elapsed) -> atRate(flow, rate, length, elapsed))).toList();
            List<AtRate> done = warmUpThenMeasure(warmup(), (length, elapsed) -> atRate(flow, offered.getFirst(), length, elapsed),
                    measured, phases);
            for (int i = 0; i < offered.size(); i++) {
                String label = label(offered.get(i));
                Measurements m = done.get(i).measurements();
                run.series().addAll(m.summarise(label + " ", List.of(OrderFlow.PLACE, OrderFlow.TRANSITION, Measurements.ALL), measured));
                run.figures().put(label, done.get(i).outcome().figures(measured));
                errors += m.errorCount();
                LOG.debug("{}: {} issued, {} errors", label, done.get(i).outcome().issued(), m.errorCount());
            }
        }
        Map<String, Object> parameters = run.parameters();
        parameters.put("commandApi", api.commandApi().toString());
        parameters.put("ratesPerSecond", offered);
        parameters.put("durationPerRateSeconds", measured.toMillis() / 1000.0);
        parameters.put("warmupSeconds", warmup().toMillis() / 1000.0);
        parameters.put("restaurants", restaurants);
        parameters.put("drivers", drivers);
        parameters.put("products", products);
        parameters.put("maxInFlight", maxInFlight());
        parameters.put("timing", "open loop; latency from each request's intended start (coordinated-omission free)");
        run.figures().put("errors", errors);
    }

    private AtRate atRate(OrderFlow flow, double rate, Duration length, java.util.function.LongConsumer progress) {
        Measurements m = new Measurements();
        OpenLoop.Outcome outcome = OpenLoop.run(rate, length, maxInFlight(), intended -> flow.next(intended, m),
                intended -> m.error(Measurements.ALL, "refused-by-client"), progress);
        return new AtRate(m, outcome);
    }

    private static String label(double rate) {
        return (rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate)) + "/s";
    }
}
