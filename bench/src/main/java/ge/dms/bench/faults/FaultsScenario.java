package ge.dms.bench.faults;

import ge.dms.bench.cli.Offer;
import ge.dms.bench.commands.ApiClient;
import ge.dms.bench.commands.Durations;
import ge.dms.bench.commands.Fixture;
import ge.dms.bench.platform.LiveScenario;
import ge.dms.bench.report.Run;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./dev bench faults}: one fault at a time against the running {@code ./dev up} (its control endpoint), under
 * load (driver-visible changes through the command API, the drivers on their sockets, restaurants reading their
 * boards): kill -9 of each service, restarts of PostgreSQL, Kafka and Redis (with and without its data), Redis frozen,
 * the read side refusing connections. After each: acknowledged changes against the write side, the views against
 * the write side ({@code check-views}), socket messages missing or duplicated, and how long writes, fresh views and
 * socket messages took to come back. One row per fault.
 */
@Command(name = "faults", mixinStandardHelpOptions = true,
        description = "One fault at a time under load, then recovery and checks: nothing lost, no drift, no missing message.")
public final class FaultsScenario extends LiveScenario {

    private static final Logger LOG = LoggerFactory.getLogger(FaultsScenario.class);
    private static final Offer OFFER = Offer.quick("three faults (" + String.join(", ", Fault.QUICK) + "), 10 drivers, "
                    + "10 changes/s, 3 s windows")
            .duration("each fault's window (the pause of pause:redis too)", "10s", "3s")
            .rate("driver-visible changes per second through the command API", "100", "10")
            .maxInFlight("outstanding requests before one counts as refused", "2000")
            .timeout("per-request timeout", "10s");

    @Option(names = "--faults", split = ",", description = "the faults, in order (default: " + "all ten; with --quick the three above); "
            + "kill:<service> (command-api, cdc-pipeline, projections, query-api, projections-2 ...), "
            + "restart:<postgres|kafka|redis|redis-empty|read-postgres>, pause:redis")
    List<String> faults;

    @Option(names = "--drivers", description = "drivers connected by WebSocket (default 200; 10 with --quick)")
    Integer drivers;

    @Option(names = "--restaurants", defaultValue = "10", description = "restaurants placing orders (default ${DEFAULT-VALUE})")
    int restaurants;

    @Option(names = "--readers", defaultValue = "4", description = "restaurants reading their boards, 5 reads/s each (default ${DEFAULT-VALUE})")
    int readers;

    @Option(names = "--before", description = "load before each fault (default 5s; 2s with --quick)")
    String before;

    @Option(names = "--after", description = "load after each fault is over (default 15s; 5s with --quick)")
    String after;

    @Option(names = "--step-gap", defaultValue = "2s", description = "least time between two steps of one order (default ${DEFAULT-VALUE})")
    String stepGap;

    @Option(names = "--drain", defaultValue = "30s", description = "longest wait for the messages still owed after the load (default ${DEFAULT-VALUE})")
    String drain;

    @Option(names = "--settle", defaultValue = "120s", description = "longest wait for check-views to find no drift (default ${DEFAULT-VALUE})")
    String settle;

    @Override
    protected Offer offer() {
        return OFFER;
    }

    @Override
    protected void measure(Run run) throws Exception {
        URI controlUrl = platform.devControl();
        if (controlUrl == null || !database.given()) {
            throw new IllegalArgumentException("faults needs a running ./dev up: its control endpoint (DMS_DEV_CONTROL_URL) "
                    + "and the write side (DMS_POSTGRES_URL), from .dev/up.env");
        }
        List<Fault> plan = (faults != null ? faults : quick ? Fault.QUICK : Fault.ALL).stream().map(Fault::parse).toList();
        FaultRun.Settings settings = settings();
        int d = drivers != null ? drivers : quick ? 10 : 200;
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ApiClient commands = new ApiClient(api.commandApi(), timeout());
             ApiClient views = new ApiClient(platform.queryApi(), timeout());
             FaultControl control = new FaultControl(controlUrl)) {
            Fixture fixture = Fixture.create(commands, api.jwtSecret(), restaurants, d, 12);
            FaultRun faultRun = new FaultRun(settings, commands, views, fixture, writeSide(), control);
            run.parameters().putAll(parameters(settings, d, plan));
            for (Fault fault : plan) {
                rows.add(runOne(faultRun, fault));
                run.figures().putAll(totals(rows));
                run.figures().put("faults", List.copyOf(rows));
                run.writeSoFar(output.results()); // a run stopped halfway keeps the faults it got through
            }
        }
    }

    /** One fault's row; a fault that could not be run or checked says why in its row, and the next one still runs. */
    private static Map<String, Object> runOne(FaultRun faultRun, Fault fault) {
        try {
            return faultRun.run(fault);
        } catch (Exception e) {
            LOG.error("{} could not be run to the end", fault, e);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("fault", fault.toString());
            row.put("error", e.toString());
            return row;
        }
    }

    private FaultRun.Settings settings() {
        return new FaultRun.Settings(platform.queryApi(), rate(), maxInFlight(), readers, duration(),
                Durations.parse(before, quick ? "2s" : "5s"), Durations.parse(after, quick ? "5s" : "15s"),
                Durations.parse(stepGap, "2s"), Durations.parse(drain, "30s"), Durations.parse(settle, "120s"));
    }

    /** Sums over the rows, and whether every row has zero lost, drift, missing, duplicated and unexpected. */
    static Map<String, Object> totals(List<Map<String, Object>> rows) {
        Map<String, Object> totals = new LinkedHashMap<>();
        long errors = rows.stream().filter(r -> r.containsKey("error")).count();
        for (String figure : List.of("lost", "drift", "messagesMissing", "messagesDuplicated", "messagesUnexpected")) {
            totals.put(figure + "Total", rows.stream().mapToLong(r -> r.get(figure) instanceof Number n ? n.longValue() : 0).sum());
        }
        totals.put("faultsRun", rows.size());
        totals.put("faultsFailed", errors);
        totals.put("allZero", errors == 0 && totals.values().stream().limit(5).allMatch(v -> ((Number) v).longValue() == 0));
        return totals;
    }

    private Map<String, Object> parameters(FaultRun.Settings s, int d, List<Fault> plan) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("commandApi", api.commandApi().toString());
        parameters.put("queryApi", s.queryApi().toString());
        parameters.put("faults", plan.stream().map(Fault::toString).toList());
        parameters.put("drivers", d);
        parameters.put("changesPerSecond", s.rate());
        parameters.put("boardReaders", Math.min(readers, restaurants));
        parameters.put("windowSeconds", s.window().toMillis() / 1000.0);
        parameters.put("beforeSeconds", s.before().toMillis() / 1000.0);
        parameters.put("afterSeconds", s.after().toMillis() / 1000.0);
        parameters.put("freshMs", FaultRun.FRESH_MS);
        parameters.put("timing", "recovery times from the moment the fault was lifted (the service or server started again, "
                + "SIGCONT, connections allowed) to the first 2xx write, the first board answer under 1 s old and not degraded, "
                + "the first socket message; wall clock of this host");
        return parameters;
    }
}
