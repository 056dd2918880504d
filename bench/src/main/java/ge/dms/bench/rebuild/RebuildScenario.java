package ge.dms.bench.rebuild;

import ge.dms.bench.cli.Offer;
import ge.dms.bench.cli.Progress;
import ge.dms.bench.commands.Durations;
import ge.dms.bench.platform.Callers;
import ge.dms.bench.platform.Db;
import ge.dms.bench.platform.Http;
import ge.dms.bench.platform.LiveScenario;
import ge.dms.bench.platform.OrderData;
import ge.dms.bench.report.Run;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./dev bench rebuild}: asks the running {@code ./dev up} to drop every view and rebuild it
 * from Kafka (its control endpoint, as {@code ./dev rebuild-views} does), then times how long each
 * view takes to hold the write side again ({@link Convergence}); reports seconds and changes/s.
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "Time to drop and rebuild every view from Kafka in the running ./dev up, at 200,000 orders.")
public final class RebuildScenario extends LiveScenario {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildScenario.class);
    static final String NEEDS_DEV_UP = "rebuild needs a running ./dev up: DMS_DEV_CONTROL_URL and DMS_READ_POSTGRES_URL come from "
            + "its .dev/up.env (or pass --dev-control and --read-postgres-url)";
    private static final Offer OFFER = Offer.quick("the orders already there (no generating); without ./dev up, says so and skips")
            .timeout("longest wait for the views", "30m", "3m");

    @Option(names = "--orders", description = "orders the write side must hold; generated when missing (default 200,000; none with --quick)")
    Integer orders;

    @Option(names = "--poll", description = "how often the views are checked (default 1s; 250ms with --quick)")
    String poll;

    @Option(names = "--redis-sample", defaultValue = "200", description = "orders checked in Redis through the query API (default ${DEFAULT-VALUE})")
    int redisSample;

    @Override
    protected Offer offer() {
        return OFFER;
    }

    @Override
    protected void measure(Run run) throws Exception {
        Map<String, Object> parameters = run.parameters();
        Map<String, Object> figures = run.figures();
        URI control = platform.devControl();
        Db read = platform.readSide();
        if (control == null || read == null) {
            if (!quick) {
                throw new IllegalArgumentException(NEEDS_DEV_UP);
            }
            LOG.warn("skipped: {}", NEEDS_DEV_UP);
            figures.put("skipped", NEEDS_DEV_UP);
            return;
        }
        Duration limit = timeout();
        Duration every = Durations.parse(poll, quick ? "250ms" : "1s");
        Db write = writeSide();
        figures.put("ordersGenerated", OrderData.ensureOrders(write, orders != null ? orders : quick ? 0 : 200_000, output.progress()));
        List<double[]> points = new ArrayList<>();
        Convergence.Target target;
        try (Http http = new Http(platform.queryApi(), Duration.ofSeconds(10))) {
            Convergence views = new Convergence(write, read, http, Callers.forRate(api.jwtSecret(), 300, 4));
            figures.put("catchUpBeforeSeconds", awaitAll(views, views.target(redisSample), limit, every));
            target = views.target(redisSample);
            long t0 = System.nanoTime();
            figures.put("dropAndRestartSeconds", rebuildViews(control));
            figures.putAll(timeRebuild(views, target, t0, limit, every, points));
        }
        figures.put("orders", target.orders());
        figures.put("orderVersions", target.versions());
        long rows = OrderData.writeTotals(write).rows();
        figures.put("sourceRows", rows);
        Object total = figures.get("totalSeconds");
        if (total instanceof Double seconds && seconds > 0) {
            figures.put("ordersPerSecond", Math.round(target.orders() / seconds));
            figures.put("sourceRowsPerSecond", Math.round(rows / seconds));
        }
        parameters.put("devControl", control.toString());
        parameters.put("queryApi", platform.queryApi().toString());
        parameters.put("pollEvery", every.toString());
        parameters.put("redisSample", redisSample);
        parameters.put("converged", "order_view: count and version sum = write side; analytics_daily: orders and delivered summed over "
                + "restaurant rows = write side; Redis: the sample served from Redis at its write-side version");
        parameters.put("changes", "sourceRows = orders + order_items + order_status_changes on the write side: the change records "
                + "(at least) the projections re-read");
        // The chart has no series to come from: it is the read side's count over time, drawn beside the results.
        RebuildChart.write(output.results().jsonFile("rebuild").resolveSibling("rebuild.png"), points, target.orders());
    }

    /** Waits until every view holds the target; returns the seconds waited. */
    private static double awaitAll(Convergence views, Convergence.Target target, Duration limit, Duration every) throws Exception {
        long start = System.nanoTime();
        while (!views.all(target)) {
            if (System.nanoTime() - start > limit.toNanos()) {
                throw new IllegalStateException("the views did not hold the write side within " + limit + " before the rebuild");
            }
            Thread.sleep(every.toMillis());
        }
        return seconds(System.nanoTime() - start);
    }

    private static double rebuildViews(URI control) throws Exception {
        long start = System.nanoTime();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(control.resolve("/rebuild-views")).timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the rebuild was refused: " + response.statusCode() + " " + response.body().strip());
            }
        }
        return seconds(System.nanoTime() - start);
    }

    /** Polls until the read side, the analytics and Redis each hold the target; the seconds each took from {@code t0}. */
    private Map<String, Object> timeRebuild(Convergence views, Convergence.Target target, long t0, Duration limit, Duration every,
                                            List<double[]> points) throws Exception {
        double readSide = -1;
        double analytics = -1;
        double redis = -1;
        try (Progress bar = Progress.start("rebuild", target.orders(), "orders", output.progress())) {
            while (readSide < 0 || analytics < 0 || redis < 0) {
                double now = seconds(System.nanoTime() - t0);
                if (now > limit.toSeconds()) {
                    throw new IllegalStateException("the views were not rebuilt within " + limit + " (read side " + readSide
                            + " s, analytics " + analytics + " s, Redis " + redis + " s; -1: not yet)");
                }
                long inReadSide = views.readSideOrders();
                points.add(new double[] {now, inReadSide});
                bar.stepTo(inReadSide);
                readSide = readSide < 0 && views.readSide(target) ? now : readSide;
                analytics = analytics < 0 && views.analytics(target) ? now : analytics;
                redis = redis < 0 && views.redis(target) ? now : redis;
                Thread.sleep(every.toMillis());
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("redisSeconds", redis);
        figures.put("readSideSeconds", readSide);
        figures.put("analyticsSeconds", analytics);
        figures.put("totalSeconds", Math.max(redis, Math.max(readSide, analytics)));
        return figures;
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e6) / 1e3;
    }
}
