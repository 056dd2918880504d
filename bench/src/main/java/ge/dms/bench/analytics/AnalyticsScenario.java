package ge.dms.bench.analytics;

import com.zaxxer.hikari.HikariDataSource;
import ge.dms.bench.cli.Offer;
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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code ./dev bench analytics}: 6-month KPIs (status distribution, revenue, delivery times, on-time
 * rate) and daily revenue from the query API (the projections' pre-aggregated days), and the same
 * figures by SQL aggregates over the write side's {@code orders}, same run, same offered rate;
 * latency of each, their ratio, and whether the figures agree.
 */
@Command(name = "analytics", mixinStandardHelpOptions = true,
        description = "6-month KPIs from the query API vs the same figures by SQL aggregates on the write side (open loop).")
public final class AnalyticsScenario extends LiveScenario {

    private static final Offer OFFER = SideBySide.timing("3 s per side after 1 s of warm-up")
            .rate("offered requests/s, each side; direct SQL must keep up, or its latency is queueing", "2", "2")
            .maxInFlight("outstanding requests before the client refuses one", "500")
            .timeout("per-request timeout", "30s");

    @Option(names = "--months", defaultValue = "6", description = "range: the last N months up to today, Tbilisi days (default ${DEFAULT-VALUE})")
    int months;

    @Option(names = "--sql-connections", defaultValue = "8", description = "JDBC pool of the direct-SQL side (default ${DEFAULT-VALUE})")
    int sqlConnections;

    @Override
    protected Offer offer() {
        return OFFER;
    }

    @Override
    protected void measure(Run run) throws Exception {
        SideBySide.Settings settings = sideBySide();
        if (months < 1 || months > 13) {
            throw new IllegalArgumentException("--months must be 1..13 (the API answers up to 400 days)");
        }
        Db write = writeSide();
        Callers callers = Callers.forRate(api.jwtSecret(), settings.rate(), 2);
        LocalDate today = LocalDate.now(KpiRange.TBILISI);
        Map<String, Object> figures = run.figures();
        Map<String, Object> parameters = run.parameters();
        try (Http http = new Http(platform.queryApi(), timeout());
             HikariDataSource pool = write.pool("bench-analytics", sqlConnections);
             BenchIndexes indexes = BenchIndexes.create(write)) {
            KpiRange all = KpiRange.lastMonths(months, today, null);
            KpiRange one = KpiRange.lastMonths(months, today, busiestRestaurant(write));
            AnalyticsProbes questions = new AnalyticsProbes(http, pool, all, one);
            figures.put("ordersInRange", ordersIn(pool, all));
            figures.put("restaurant", one.restaurantId());
            figures.put("disagreements", questions.disagreements(callers.next(), AnalyticsProbes.bounds(platform.readSide()),
                    Duration.ofSeconds(quick ? 10 : 60)));
            List<Probe> probes = questions.probes(callers);
            SideBySide.Outcome outcome = SideBySide.run("analytics", probes, settings);
            figures.put("ratioSqlToApi", Ratios.of(outcome.series(), probes.stream().map(Probe::name).toList()));
            figures.putAll(outcome.figures());
            figures.put("errors", outcome.errors());
            figures.put("indexes", indexes.describe());
            run.series().addAll(outcome.series());
            parameters.put("range", all.from() + " .. " + all.to() + " (Tbilisi days, to exclusive)");
            parameters.put("apiRequests", List.of(all.kpisPath(), one.kpisPath(), all.dailyPath()));
        }
        parameters.put("queryApi", platform.queryApi().toString());
        parameters.put("ratePerSecondEachSide", settings.rate());
        parameters.put("warmupSecondsEachSide", settings.warmup().toMillis() / 1000.0);
        parameters.put("durationSecondsEachSide", settings.measured().toMillis() / 1000.0);
        parameters.put("sqlConnections", sqlConnections);
        parameters.put("percentiles", "api: histogram bucket bounds (minutes); sql: exact (percentile_disc); agree when the exact value "
                + "lies in the api's bucket");
        parameters.put("timing", "open loop; latency from each request's intended start; api side first, then sql, same probe mix");
    }

    private static Long busiestRestaurant(Db write) throws SQLException {
        try (Connection c = write.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT restaurant_id FROM orders GROUP BY restaurant_id ORDER BY count(*) DESC, 1 LIMIT 1")) {
            if (!rs.next()) {
                throw new IllegalArgumentException("the write side has no orders: run ./dev up (demo data) or ./dev bench generate");
            }
            return rs.getLong(1);
        }
    }

    private static long ordersIn(javax.sql.DataSource pool, KpiRange range) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return Kpis.fromSql(c, range).orders();
        }
    }
}
