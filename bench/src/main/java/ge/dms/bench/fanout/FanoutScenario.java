package ge.dms.bench.fanout;

import com.fasterxml.jackson.databind.ObjectMapper;
import ge.dms.bench.cli.Offer;
import ge.dms.bench.cli.Progress;
import ge.dms.bench.cli.Scenario;
import ge.dms.bench.commands.ApiClient;
import ge.dms.bench.commands.Durations;
import ge.dms.bench.commands.Fixture;
import ge.dms.bench.commands.OpenLoop;
import ge.dms.bench.platform.PlatformOptions;
import ge.dms.bench.report.Run;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./dev bench fanout}: D drivers hold the query API's live WebSocket while C lifecycle
 * changes a second are made through the command API to orders assigned to them (open loop, as
 * {@code commands}), a share of them reassignments, and a separate loop renames drivers that have
 * active orders. Every change is matched to its messages by order id and version: request →
 * socket, commit → socket (the PostgreSQL commit time the message's view carries), the per-hop
 * split the messages expose, and missing or duplicated messages. {@code --cold} first has the
 * running {@code ./dev up} restart the projections and the query API, and measures from then on.
 */
@Command(name = "fanout", mixinStandardHelpOptions = true,
        description = "Drivers on WebSockets, lifecycle changes at a fixed rate: request -> socket and commit -> socket.")
public final class FanoutScenario extends Scenario {

    private static final Logger LOG = LoggerFactory.getLogger(FanoutScenario.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TARGET_P99_MS = 50;
    /** Requests a second one JDK HTTP client is given at most (its one selector thread serves all its connections). */
    private static final int RATE_PER_HTTP_CLIENT = 250;
    private static final Offer OFFER = Offer.quick("20 drivers, 20 changes/s, 5 s, 1 s warm-up")
            .duration("measured time, e.g. 60s", "60s", "5s")
            .warmup("unmeasured changes at the same rate first (a just-started projections JVM needs that long to warm up)", "30s", "1s")
            .rate("driver-visible changes per second", "200", "20")
            .maxInFlight("outstanding requests before one counts as refused", "2000")
            .timeout("per-request timeout", "10s");

    @Mixin
    PlatformOptions query;

    @Option(names = "--drivers", description = "drivers connected by WebSocket (default 200; 20 with --quick)")
    Integer drivers;

    @Option(names = "--restaurants", defaultValue = "10", description = "restaurants placing the orders (default ${DEFAULT-VALUE})")
    int restaurants;

    @Option(names = "--products", defaultValue = "12", description = "products ordered (default ${DEFAULT-VALUE})")
    int products;

    @Option(names = "--step-gap", description = "least time between two steps of one order, e.g. 5s (default 5s; 1s with --quick): "
            + "orders start as others finish, so every kind of change is in the measured window")
    String stepGap;

    private Duration gap;

    @Option(names = "--drain", defaultValue = "15s", description = "longest wait for the last messages after the last answer "
            + "(default ${DEFAULT-VALUE}); still missing then counts as missing")
    String drain;

    @Option(names = "--reassign-share", defaultValue = "0.2", description = "share of orders reassigned to another driver "
            + "after assign-driver (default ${DEFAULT-VALUE})")
    double reassignShare;

    @Option(names = "--renames-per-minute", description = "drivers with active orders renamed a minute, by a loop of its own "
            + "(default 30; 120 with --quick; 0: none)")
    Double renamesPerMinute;

    @Option(names = "--cold", description = "restart the projections and the query API first (needs ./dev up), then measure "
            + "with no warm-up; results as fanout-cold.*")
    boolean cold;

    @Option(names = "--cdc-metrics", defaultValue = "${env:DMS_CDC_METRICS_URL}",
            description = "the CDC pipeline's /metrics, for its commit -> Kafka ack mean (default: $DMS_CDC_METRICS_URL; optional)")
    URI cdcMetrics;

    @Override
    protected Offer offer() {
        return OFFER;
    }

    @Override
    protected String resultName() {
        return cold ? "fanout-cold" : "fanout";
    }

    @Override
    protected void measure(Run run) throws Exception {
        int d = drivers != null ? drivers : quick ? 20 : 200;
        double c = rate();
        double renameRate = (renamesPerMinute != null ? renamesPerMinute : quick ? 120 : 30) / 60;
        Duration measured = duration();
        gap = Durations.parse(stepGap, quick ? "1s" : "5s");
        URI control = checkOwnOptions(d, c, renameRate);
        Duration warm = cold ? Duration.ZERO : warmup();
        Duration drainFor = Durations.parse(drain, "15s");
        Ledger ledger = new Ledger();
        Map<String, Object> figures = run.figures();
        int httpClients = (int) Math.ceil(c / RATE_PER_HTTP_CLIENT);
        try (ApiClient commands = new ApiClient(api.commandApi(), timeout(), httpClients);
             ApiClient views = new ApiClient(query.queryApi(), timeout())) {
            Fixture fixture = Fixture.create(commands, api.jwtSecret(), restaurants, d, products);
            try (DriverFeeds feeds = DriverFeeds.open(fixture, query.queryApi(), ledger, Duration.ofSeconds(Math.max(60, d / 10)))) {
                DriverChanges changes = new DriverChanges(commands, fixture, ledger, reassignShare, gap);
                Renamer renamer = new Renamer(commands, fixture, changes, ledger);
                DriverChanges.Prepared prepared = prepare(changes, views, fixture, c, warm.plus(measured));
                if (cold) {
                    figures.putAll(ColdRestart.withSocketsHeld(control, feeds));
                }
                CdcMeter.Reading before = CdcMeter.read(cdcMetrics);
                ClientCpu cpu = ClientCpu.start();
                OpenLoop.Outcome outcome = drive(changes, renamer, c, renameRate, warm, measured);
                Double clientCores = cpu.cores();
                double drained = awaitMessages(ledger, drainFor);
                CdcMeter.Reading after = CdcMeter.read(cdcMetrics);
                figures.putAll(deliveryFigures(ledger, feeds, drained));
                figures.put("reassignments", changes.reassignments());
                figures.putAll(ledger.renameFigures());
                figures.put("preparedOrders", prepared.ready());
                figures.put("preparationFailures", prepared.failed());
                figures.putAll(outcome.figures(measured));
                if (clientCores != null) {
                    figures.put("clientCpuCores", clientCores);
                }
                figures.put("clientHttpClients", httpClients);
                figures.put("clientSocketHttpClients", feeds.httpClients());
                Double cdcMean = CdcMeter.meanMillisBetween(before, after);
                if (cdcMean != null) {
                    figures.put("cdcCommitToKafkaAckMeanMs", cdcMean);
                }
            }
        }
        var series = ledger.summarise(measured);
        double p99 = series.getFirst().p99();
        figures.put("requestToSocketP99TargetMs", TARGET_P99_MS);
        figures.put("requestToSocketP99Met", series.getFirst().count() > 0 && p99 < TARGET_P99_MS);
        run.series().addAll(series);
        run.parameters().putAll(parameters(d, c, renameRate * 60, measured, warm));
    }

    /** Refuses what this scenario cannot run with; returns the control URL {@code --cold} restarts the services through. */
    private URI checkOwnOptions(int d, double c, double renameRate) {
        if (cold && warmupGiven()) {
            throw new IllegalArgumentException("--cold measures from the restart on, with no warm-up: leave out --warmup");
        }
        if (d < 1 || c > 100_000 || restaurants < 1 || products < 1 || !(reassignShare >= 0 && reassignShare <= 1)
                || !(renameRate >= 0 && renameRate <= 1_000)) {
            throw new IllegalArgumentException("drivers, restaurants and products must be at least 1, the rate at most 100,000 "
                    + "per second, --reassign-share in [0, 1] and --renames-per-minute in [0, 60,000]");
        }
        URI control = cold ? query.devControl() : null;
        if (cold && control == null) {
            throw new IllegalArgumentException("--cold needs a running ./dev up to restart the services: no --dev-control "
                    + "(DMS_DEV_CONTROL_URL, written to .dev/up.env by ./dev up)");
        }
        return control;
    }

    /** Enough confirmed orders for every change of the run, plus a tenth and a second's worth in flight. */
    private DriverChanges.Prepared prepare(DriverChanges changes, ApiClient views, Fixture fixture, double rate, Duration run)
            throws Exception {
        // Plus the orders in progress at any time: about a step gap's worth of changes, each on its own order.
        int orders = (int) Math.ceil(rate * run.toNanos() / 1e9 / DriverChanges.changesPerOrder(reassignShare) * 1.1
                + rate * (1 + gap.toNanos() / 1e9));
        DriverChanges.Prepared prepared;
        try (Progress progress = Progress.start("fanout: preparing orders", orders, "orders", output.progress())) {
            // A few at a time: preparing is not measured, and flooding the command API only makes it time out.
            prepared = changes.prepare(orders, rate > 200 ? 16 : 8, progress::stepTo);
        }
        LOG.info("prepared {} confirmed orders ({} failed); waiting for the views to catch up", prepared.ready(), prepared.failed());
        awaitView(views, fixture.adminToken, prepared.lastId(), Duration.ofMinutes(5));
        return prepared;
    }

    /** Waits until the query API shows the last prepared order confirmed: the pipeline has worked off the preparation. */
    static void awaitView(ApiClient views, String token, long orderId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                ApiClient.Reply reply = views.get("/api/orders/" + orderId + "?minVersion=2", token);
                if (reply.ok() && JSON.readTree(reply.body()).path("version").asLong() >= 2) {
                    return;
                }
            } catch (java.io.IOException e) {
                LOG.debug("asking for order {}: {}", orderId, e.toString()); // a busy query API: ask again
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the view of order " + orderId + " did not reach version 2 within " + timeout
                + ": is the CDC pipeline or are the projections running?");
    }

    private OpenLoop.Outcome drive(DriverChanges changes, Renamer renamer, double rate, double renameRate, Duration warm,
                                   Duration measured) throws Exception {
        return warmUpThenMeasure(warm, (length, elapsed) -> phase(changes, renamer, rate, renameRate, length, false, elapsed), measured,
                List.of(new Measured<>("measuring", (length, elapsed) -> phase(changes, renamer, rate, renameRate, length, true, elapsed))))
                .getFirst();
    }

    /** One phase: the lifecycle changes at {@code rate}, and beside them, on a loop of its own, the renames. */
    private OpenLoop.Outcome phase(DriverChanges changes, Renamer renamer, double rate, double renameRate, Duration length,
                                   boolean measured, java.util.function.LongConsumer progress) throws InterruptedException {
        Thread renames = renameRate <= 0 ? null : Thread.ofPlatform().name("fanout-renames").start(() ->
                OpenLoop.run(renameRate, length, maxInFlight(), intended -> renamer.next(intended, measured),
                        intended -> renamer.refused(measured), ms -> { }));
        try {
            return OpenLoop.run(rate, length, maxInFlight(), intended -> changes.next(intended, measured),
                    intended -> changes.refused(measured), progress);
        } finally {
            if (renames != null) {
                renames.join();
            }
        }
    }

    /** Waits up to {@code limit} for messages still due; returns the seconds waited. */
    private static double awaitMessages(Ledger ledger, Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        while (ledger.missing() > 0 && System.nanoTime() - start < limit.toNanos()) {
            Thread.sleep(50);
        }
        return Math.round((System.nanoTime() - start) / 1e6) / 1e3;
    }

    private static Map<String, Object> deliveryFigures(Ledger ledger, DriverFeeds feeds, double drained) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("driversConnected", feeds.connected());
        figures.put("changesMade", ledger.changesMade());
        figures.put("messagesOwed", ledger.expected());
        figures.put("changesUnanswered", ledger.unanswered());
        figures.put("messagesReceived", ledger.received());
        figures.put("messagesMissing", ledger.missing());
        figures.put("messagesDuplicated", ledger.duplicated());
        figures.put("messagesUnexpected", ledger.unexpected());
        figures.put("messagesMisrouted", ledger.misrouted());
        figures.put("requestErrors", ledger.errorCount());
        figures.put("reconnects", feeds.reconnects());
        figures.put("resyncs", feeds.resyncs());
        figures.put("drainSeconds", drained);
        figures.put("slowestPercentMeanMs", ledger.tailSplit());
        figures.put("commitToRedisOver1sBySecond", ledger.stallWindows(1_000));
        LOG.debug("fanout: {}", figures);
        return figures;
    }

    private Map<String, Object> parameters(int d, double c, double renamesEachMinute, Duration measured, Duration warm) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("commandApi", api.commandApi().toString());
        parameters.put("queryApi", query.queryApi().toString());
        parameters.put("drivers", d);
        parameters.put("changesPerSecond", c);
        parameters.put("durationSeconds", measured.toMillis() / 1000.0);
        parameters.put("warmupSeconds", warm.toMillis() / 1000.0);
        parameters.put("restaurants", restaurants);
        parameters.put("stepGapSeconds", gap.toMillis() / 1000.0);
        parameters.put("maxInFlight", maxInFlight());
        parameters.put("reassignShare", reassignShare);
        parameters.put("renamesPerMinute", renamesEachMinute);
        parameters.put("cold", cold);
        parameters.put("changes", "assign-driver, for a share a reassignment (the old driver gets 'unassigned', the new one the "
                + "order), start-preparing, mark-ready, pick-up, deliver (by the driver the order ends with); renames of drivers with "
                + "active orders on a loop of their own (one message per active order, same version, the new name)");
        parameters.put("timing", "open loop; request->* from each change's intended start; commit = PostgreSQL commit time "
                + "carried by the message (view sourceCommitTime, µs); redis = the stream entry id's ms; same host clock");
        return parameters;
    }
}
