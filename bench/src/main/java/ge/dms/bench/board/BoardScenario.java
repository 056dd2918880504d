package ge.dms.bench.board;

import com.zaxxer.hikari.HikariDataSource;
import ge.dms.bench.baseline.BaselineProcess;
import ge.dms.bench.cli.Offer;
import ge.dms.bench.commands.ApiClient;
import ge.dms.bench.commands.WriteLoad;
import ge.dms.bench.platform.BenchIndexes;
import ge.dms.bench.platform.Callers;
import ge.dms.bench.platform.Db;
import ge.dms.bench.platform.Http;
import ge.dms.bench.platform.LiveScenario;
import ge.dms.bench.platform.Probe;
import ge.dms.bench.platform.Ratios;
import ge.dms.bench.platform.SideBySide;
import ge.dms.bench.report.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./dev bench board}: one restaurant's orders board (500+ open orders) and its orders' detail through the
 * query API and, in the same run at the same offered rates, through the baseline server of the old design
 * ({@link BaselineProcess}: the same framework answering the same paths, JSON and tokens by SQL on the write side,
 * with the indexes and the order summary view that design relied on, {@link BenchIndexes}), and as direct SQL from
 * this process (a reference without HTTP or JSON), all while the command API takes {@code --write-rate} changes a second.
 */
@Command(name = "board", mixinStandardHelpOptions = true,
        description = "Restaurant orders board and order detail from the query API vs the old design's HTTP server (SQL on the "
                + "write side, indexed) vs direct SQL, under a concurrent write load (open loop).")
public final class BoardScenario extends LiveScenario {

    /** The p99 our board must stay under: the sustained rate reported is the highest measured one that does. */
    static final double P99_TARGET_MS = 10;

    private static final Offer OFFER = SideBySide.timing("50 open orders, 100 requests/s, 20 changes/s, 3 s per side after 1 s of warm-up")
            .maxInFlight("outstanding requests before the client refuses one", "2000")
            .timeout("per-request timeout", "10s");

    @Option(names = "--rates", split = ",", description = "offered requests/s, each side, one measurement per rate "
            + "(default 500,2000; 100 with --quick); more rates make a step series")
    List<Double> rates;

    @Option(names = "--write-rate", description = "changes/s through the command API while every side is measured, 0 for none "
            + "(default 200; 20 with --quick)")
    Double writeRate;

    @Option(names = "--open-orders", description = "open orders the restaurant must have; placed through the command API "
            + "when missing (default 500; 50 with --quick)")
    Integer openOrders;

    @Option(names = "--restaurant", description = "restaurant id (default: the one with the most open orders)")
    Long restaurant;

    @Option(names = "--page-size", defaultValue = "50", description = "orders per page (default ${DEFAULT-VALUE})")
    int pageSize;

    @Option(names = "--deep-page", description = "page number of the deep probes (default 10; 3 with --quick)")
    Integer deepPage;

    @Option(names = "--sql-connections", defaultValue = "16", description = "JDBC pool of the baseline server, and of the "
            + "direct-SQL reference (default ${DEFAULT-VALUE})")
    int sqlConnections;

    @Option(names = "--no-sql-reference", description = "leave out the direct-SQL side (no HTTP, no JSON), measured after the "
            + "other two by default")
    boolean noSqlReference;

    @Override
    protected Offer offer() {
        return OFFER;
    }

    @Override
    protected void measure(Run run) throws Exception {
        List<Double> offered = rates != null ? rates : quick ? List.of(100.0) : List.of(500.0, 2000.0);
        double changes = writeRate != null ? writeRate : quick ? 20 : 200;
        int wanted = openOrders != null ? openOrders : quick ? 50 : 500;
        int deep = deepPage != null ? deepPage : quick ? 3 : 10;
        if (pageSize < 1 || deep < 2 || wanted < 0) {
            throw new IllegalArgumentException("--page-size must be at least 1, --deep-page at least 2, --open-orders not negative");
        }
        if (offered.isEmpty() || offered.stream().anyMatch(r -> !(r > 0 && r <= 1_000_000)) || !(changes >= 0 && changes <= 10_000)) {
            throw new IllegalArgumentException("--rates must be in (0, 1,000,000] per second, --write-rate in [0, 10,000]");
        }
        List<String> sides = noSqlReference ? List.of(Probe.API, Probe.BASELINE) : List.of(Probe.API, Probe.BASELINE, Probe.SQL);
        Db write = writeSide();
        String secret = api.jwtSecret();
        Callers callers = Callers.forRate(secret, offered.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), 1);
        Map<String, Object> figures = run.figures();
        try (Http http = new Http(platform.queryApi(), timeout());
             HikariDataSource pool = write.pool("bench-board", sqlConnections)) {
            long[] busiest = OpenOrders.busiest(write, restaurant);
            long id = busiest[0];
            int placed = 0;
            if (busiest[1] < wanted) {
                try (ApiClient commands = new ApiClient(api.commandApi(), Duration.ofSeconds(30))) {
                    placed = OpenOrders.place(commands, write, secret, id, (int) (wanted - busiest[1]));
                }
            }
            BoardPages pages = new BoardPages(http, pool);
            BoardSetup setup = new BoardSetup(pages, write, id, callers.next());
            Map<String, Long> open = setup.awaitOpenOrders(Duration.ofMinutes(quick ? 1 : 3));
            try (BenchIndexes indexes = BenchIndexes.create(write);
                 BaselineProcess baseline = BaselineProcess.start(System.getProperty("java.class.path"), write, secret, sqlConnections,
                         Duration.ofSeconds(60));
                 Http baselineHttp = new Http(baseline.url(), timeout())) {
                List<BoardQuery> queries = setup.queries(open, pageSize, deep);
                List<Long> orderIds = setup.firstPageOrders(queries.getFirst());
                figures.put("restaurant", id);
                figures.put("openOrders", open.values().stream().mapToLong(Long::longValue).sum());
                figures.put("openOrdersByStatus", open);
                figures.put("ordersPlacedForThisRun", placed);
                figures.put("disagreements", setup.disagreements(queries));
                figures.put("baselineDisagreements", setup.baselineDisagreements(queries, baselineHttp, orderIds));
                List<Probe> probes = BoardSetup.probes(queries, pages, callers, baselineHttp, orderIds);
                List<String> names = probes.stream().map(Probe::name).toList();
                long errors = 0;
                List<Map<String, Object>> byRate = new ArrayList<>();
                try (WriteLoad writes = changes > 0
                        ? WriteLoad.start(api.commandApi(), secret, changes, Duration.ofSeconds(30), maxInFlight()) : null) {
                    for (double rate : offered) {
                        String label = label(rate) + " ";
                        SideBySide.Settings settings = new SideBySide.Settings(rate, warmup(), duration(), maxInFlight(), output.progress());
                        SideBySide.Outcome outcome = SideBySide.run("board " + label.strip(), probes, settings, sides, label);
                        run.series().addAll(outcome.series());
                        byRate.add(atRate(rate, label, outcome, names));
                        errors += outcome.errors();
                    }
                    if (writes != null) {
                        writes.close(); // stopped before its figures are read, so they hold what it issued
                    }
                    figures.put("writeLoad", writes == null ? "none" : writes.figures());
                }
                figures.put("byRate", byRate);
                figures.put("highestRateWithP99AtMost10ms", sustained(run, offered, sides));
                figures.put("errors", errors);
                figures.put("indexes", indexes.describe());
                run.parameters().put("queries", describe(queries));
            }
        }
        run.parameters().putAll(settings(offered, changes, deep, callers, sides));
    }

    private static Map<String, Object> atRate(double rate, String label, SideBySide.Outcome outcome, List<String> names) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("rate", rate);
        figures.put("ratioBaselineToApi", Ratios.of(outcome.series(), withAll(names), label, Probe.BASELINE, Probe.API));
        figures.put("ratioSqlToApi", Ratios.of(outcome.series(), withAll(names), label, Probe.SQL, Probe.API));
        figures.putAll(outcome.figures());
        return figures;
    }

    /** Per side, the highest measured rate whose {@code all} p99 stayed at or under {@value #P99_TARGET_MS} ms with no errors. */
    static Map<String, Double> sustained(Run run, List<Double> offered, List<String> sides) {
        Map<String, Double> highest = new LinkedHashMap<>();
        for (String side : sides) {
            Double best = null;
            for (double rate : offered) {
                String name = label(rate) + " " + side + " all";
                boolean held = run.series().stream().anyMatch(s -> s.name().equals(name) && s.count() > 0 && s.errors() == 0
                        && s.p99() <= P99_TARGET_MS);
                if (held && (best == null || rate > best)) {
                    best = rate;
                }
            }
            highest.put(side, best);
        }
        return highest;
    }

    private Map<String, Object> settings(List<Double> offered, double changes, int deep, Callers callers, List<String> sides) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("queryApi", platform.queryApi().toString());
        parameters.put("ratesPerSecondEachSide", offered);
        parameters.put("writeChangesPerSecond", changes);
        parameters.put("sides", sides);
        parameters.put("warmupSecondsEachSide", warmup().toMillis() / 1000.0);
        parameters.put("durationSecondsEachSide", duration().toMillis() / 1000.0);
        parameters.put("pageSize", pageSize);
        parameters.put("deepPage", deep);
        parameters.put("sqlConnections", sqlConnections);
        parameters.put("apiCallers", callers.size() + " admin tokens in turn (the query API limits each caller to 200/s)");
        parameters.put("timing", "open loop; latency from each request's intended start; per rate: api, then baseline, then sql, "
                + "same probe mix and client, the write load running throughout");
        parameters.put("baselineSide", "the old design's HTTP server: Micronaut (the product's version) in its own JVM, the same "
                + "paths, JSON records and token check, SQL on the write side through bench_order_summary with the bench_* indexes");
        parameters.put("sqlSide", "JDBC from this process (no HTTP hop, no JSON, no token: favours it), the baseline's statements");
        return parameters;
    }

    static String label(double rate) {
        return (rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate)) + "/s";
    }

    static List<String> names(List<BoardQuery> queries) {
        return queries.stream().map(BoardQuery::name).toList();
    }

    private static List<String> withAll(List<String> names) {
        List<String> all = new ArrayList<>(names);
        all.add("all");
        return all;
    }

    private static Map<String, String> describe(List<BoardQuery> queries) {
        Map<String, String> described = new LinkedHashMap<>();
        queries.forEach(q -> described.put(q.name(), q.apiPath()));
        described.put(BoardSetup.ORDER, BoardPages.orderPath(0).replace("0", "{id}") + " (the first page's orders in turn)");
        return described;
    }
}
