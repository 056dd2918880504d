package ge.dms.bench.board;

import com.zaxxer.hikari.HikariDataSource;
import ge.dms.bench.cli.Offer;
import ge.dms.bench.commands.ApiClient;
import ge.dms.bench.platform.BenchIndexes;
import ge.dms.bench.platform.Callers;
import ge.dms.bench.platform.Db;
import ge.dms.bench.platform.Http;
import ge.dms.bench.platform.LiveScenario;
import ge.dms.bench.platform.Ratios;
import ge.dms.bench.platform.SideBySide;
import ge.dms.bench.report.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./dev bench board}: one restaurant's orders board (500+ open orders) through the query API
 * and, in the same run at the same offered rate, the same pages as direct SQL on the write side
 * with the indexes that design relied on ({@link BenchIndexes}); both latencies and their ratio.
 */
@Command(name = "board", mixinStandardHelpOptions = true,
        description = "Restaurant orders board from the query API vs the same pages as indexed SQL on the write side (open loop).")
public final class BoardScenario extends LiveScenario {

    private static final Offer OFFER = SideBySide.timing("50 open orders, 100 requests/s, 3 s per side after 1 s of warm-up")
            .rate("offered requests/s, each side", "500", "100")
            .maxInFlight("outstanding requests before the client refuses one", "2000")
            .timeout("per-request timeout", "10s");

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

    @Override
    protected Offer offer() {
        return OFFER;
    }

    @Override
    protected void measure(Run run) throws Exception {
        SideBySide.Settings settings = sideBySide();
        int wanted = openOrders != null ? openOrders : quick ? 50 : 500;
        int deep = deepPage != null ? deepPage : quick ? 3 : 10;
        if (pageSize < 1 || deep < 2 || wanted < 0) {
            throw new IllegalArgumentException("--page-size must be at least 1, --deep-page at least 2, --open-orders not negative");
        }
        Db write = writeSide();
        String secret = api.jwtSecret();
        Callers callers = Callers.forRate(secret, settings.rate(), 1);
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
            try (BenchIndexes indexes = BenchIndexes.create(write)) {
                List<BoardQuery> queries = setup.queries(open, pageSize, deep);
                figures.put("restaurant", id);
                figures.put("openOrders", open.values().stream().mapToLong(Long::longValue).sum());
                figures.put("openOrdersByStatus", open);
                figures.put("ordersPlacedForThisRun", placed);
                figures.put("disagreements", setup.disagreements(queries));
                SideBySide.Outcome outcome = SideBySide.run("board", BoardSetup.probes(queries, pages, callers), settings);
                figures.put("ratioSqlToApi", Ratios.of(outcome.series(), names(queries)));
                figures.putAll(outcome.figures());
                figures.put("errors", outcome.errors());
                figures.put("indexes", indexes.describe());
                run.series().addAll(outcome.series());
                run.parameters().put("queries", describe(queries));
            }
        }
        run.parameters().putAll(settings(settings, deep, callers));
    }

    private Map<String, Object> settings(SideBySide.Settings settings, int deep, Callers callers) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("queryApi", platform.queryApi().toString());
        parameters.put("ratePerSecondEachSide", settings.rate());
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
