package ge.dms.bench.board;

import com.zaxxer.hikari.HikariDataSource;
import ge.dms.bench.commands.ApiClient;
import ge.dms.bench.commands.Durations;
import ge.dms.bench.platform.BenchIndexes;
import ge.dms.bench.platform.Callers;
import ge.dms.bench.platform.Db;
import ge.dms.bench.platform.Http;
import ge.dms.bench.platform.LivePlatformOptions;
import ge.dms.bench.platform.Ratios;
import ge.dms.bench.platform.SideBySide;
import ge.dms.bench.report.Runs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ./dev bench board}: one restaurant's orders board (500+ open orders) through the query API
 * and, in the same run at the same offered rate, the same pages as direct SQL on the write side
 * with the indexes that design relied on ({@link BenchIndexes}); both latencies and their ratio.
 */
@Command(name = "board", mixinStandardHelpOptions = true,
        description = "Restaurant orders board from the query API vs the same pages as indexed SQL on the write side (open loop).")
public final class BoardScenario implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LivePlatformOptions live;

    @Option(names = "--quick", description = "50 open orders, 100 requests/s, 3 s per side after 1 s of warm-up")
    boolean quick;

    @Option(names = "--rate", description = "offered requests/s, each side (default 500; 100 with --quick)")
    Double rate;

    @Option(names = "--duration", description = "measured time per side (default 30s; 3s with --quick)")
    String duration;

    @Option(names = "--warmup", description = "unmeasured time per side before it (default 5s; 1s with --quick)")
    String warmup;

    @Option(names = "--open-orders", description = "open orders the restaurant must have; placed through the command API "
            + "when missing (default 500; 50 with --quick)")
    Integer openOrders;

    @Option(names = "--restaurant", description = "restaurant id (default: the one with the most open orders)")
    Long restaurant;

    @Option(names = "--page-size", defaultValue = "50", description = "orders per page (default ${DEFAULT-VALUE})")
    int pageSize;

    @Option(names = "--deep-page", description = "page number of the deep probes (default 10; 3 with --quick)")
    Integer deepPage;

    @Option(names = "--sql-connections", defaultValue = "16", description = "JDBC pool of the direct-SQL side (default ${DEFAULT-VALUE})")
    int sqlConnections;

    @Option(names = "--max-in-flight", defaultValue = "2000", description = "outstanding requests before the client refuses one "
            + "(default ${DEFAULT-VALUE})")
    int maxInFlight;

    @Option(names = "--timeout", defaultValue = "10s", description = "per-request timeout (default ${DEFAULT-VALUE})")
    String timeout;

    @Override
    public Integer call() throws Exception {
        double offered = rate != null ? rate : quick ? 100 : 500;
        SideBySide.Settings settings = new SideBySide.Settings(offered, Durations.parse(warmup, quick ? "1s" : "5s"),
                Durations.parse(duration, quick ? "3s" : "30s"), maxInFlight, live.output.progress());
        int wanted = openOrders != null ? openOrders : quick ? 50 : 500;
        int deep = deepPage != null ? deepPage : quick ? 3 : 10;
        if (!(offered > 0) || settings.measured().isZero() || pageSize < 1 || deep < 2 || wanted < 0) {
            throw new IllegalArgumentException("--rate and --duration must be positive, --page-size at least 1, --deep-page at least 2");
        }
        Instant started = Instant.now();
        Db write = new Db(live.database.url(), live.database.user(), live.database.password());
        String secret = live.api.jwtSecret();
        Callers callers = Callers.forRate(secret, offered, 1);
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        SideBySide.Outcome outcome;
        try (Http http = new Http(live.platform.queryApi(), Durations.parse(timeout, "10s"));
             HikariDataSource pool = write.pool("bench-board", sqlConnections)) {
            long[] busiest = OpenOrders.busiest(write, restaurant);
            long id = busiest[0];
            int placed = 0;
            if (busiest[1] < wanted) {
                try (ApiClient commands = new ApiClient(live.api.commandApi(), Duration.ofSeconds(30))) {
                    placed = OpenOrders.place(commands, write, secret, id, (int) (wanted - busiest[1]));
                }
            }
            BoardPages pages = new BoardPages(http, pool);
            BoardSetup setup = new BoardSetup(pages, write, id, callers.next());
            Map<String, Long> open = setup.awaitOpenOrders(Duration.ofMinutes(quick ? 1 : 3));
            try (BenchIndexes indexes = BenchIndexes.create(write)) {
                List<BoardQuery> queries = setup.queries(open, pageSize, deep);
                figures.put("restaurant", id);
                figures.put("openOrders", open.values().stream().mapToLong(Long::longValue).sum());
                figures.put("openOrdersByStatus", open);
                figures.put("ordersPlacedForThisRun", placed);
                figures.put("disagreements", setup.disagreements(queries));
                outcome = SideBySide.run("board", BoardSetup.probes(queries, pages, callers), settings);
                figures.put("ratioSqlToApi", Ratios.of(outcome.series(), names(queries)));
                figures.putAll(outcome.figures());
                figures.put("errors", outcome.errors());
                figures.put("indexes", indexes.describe());
                parameters.put("queries", describe(queries));
            }
        }
        parameters.putAll(settings(offered, settings, deep, callers));
        Runs.finish("board", started, parameters, outcome.series(), figures, live.output.results(), spec.commandLine().getOut());
        return 0;
    }

    private Map<String, Object> settings(double offered, SideBySide.Settings settings, int deep, Callers callers) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("queryApi", live.platform.queryApi().toString());
        parameters.put("ratePerSecondEachSide", offered);
        parameters.put("warmupSecondsEachSide", settings.warmup().toMillis() / 1000.0);
        parameters.put("durationSecondsEachSide", settings.measured().toMillis() / 1000.0);
        parameters.put("pageSize", pageSize);
        parameters.put("deepPage", deep);
        parameters.put("sqlConnections", sqlConnections);
        parameters.put("apiCallers", callers.size() + " admin tokens in turn (the query API limits each caller to 200/s)");
        parameters.put("timing", "open loop; latency from each request's intended start; api side first, then sql, same probe mix");
        parameters.put("sqlSide", "JDBC from this process (no HTTP hop, no JSON: favours the direct-SQL side), list columns + "
                + "restaurant and driver names, no items, as the API's board rows");
        return parameters;
    }

    static List<String> names(List<BoardQuery> queries) {
        return queries.stream().map(BoardQuery::name).toList();
    }

    private static Map<String, String> describe(List<BoardQuery> queries) {
        Map<String, String> described = new LinkedHashMap<>();
        queries.forEach(q -> described.put(q.name(), q.apiPath()));
        return described;
    }
}
