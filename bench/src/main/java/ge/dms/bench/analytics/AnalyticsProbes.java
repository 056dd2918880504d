package ge.dms.bench.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ge.dms.bench.platform.Callers;
import ge.dms.bench.platform.Db;
import ge.dms.bench.platform.Http;
import ge.dms.bench.platform.Probe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The analytics questions (KPIs of everything, KPIs of the busiest restaurant, daily revenue) asked
 * both ways, and the check that both ways give the same figures.
 */
final class AnalyticsProbes {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsProbes.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http api;
    private final DataSource sql;
    private final KpiRange all;
    private final KpiRange restaurant;

    AnalyticsProbes(Http api, DataSource sql, KpiRange all, KpiRange restaurant) {
        this.api = api;
        this.sql = sql;
        this.all = all;
        this.restaurant = restaurant;
    }

    List<Probe> probes(Callers callers) {
        return List.of(
                new Probe("kpis all", () -> get(all.kpisPath(), callers.next()), () -> sqlKpis(all)),
                new Probe("kpis restaurant", () -> get(restaurant.kpisPath(), callers.next()), () -> sqlKpis(restaurant)),
                new Probe("daily revenue", () -> get(all.dailyPath(), callers.next()), this::sqlDaily));
    }

    /**
     * Compares the figures until they agree or {@code patience} runs out (the analytics projection
     * commits about once a second, so a freshly written write side may be a moment ahead). Returns
     * the mismatches by question, empty when all agree.
     */
    Map<String, List<String>> disagreements(String token, List<Long> bounds, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Map<String, List<String>> found = new LinkedHashMap<>();
            try (Connection c = sql.getConnection()) {
                add(found, "kpis all", KpiComparison.compare(Kpis.fromApi(json(all.kpisPath(), token)), Kpis.fromSql(c, all), bounds));
                add(found, "kpis restaurant", KpiComparison.compare(Kpis.fromApi(json(restaurant.kpisPath(), token)),
                        Kpis.fromSql(c, restaurant), bounds));
                add(found, "daily revenue", KpiComparison.compareDaily(Kpis.dailyFromApi(json(all.dailyPath(), token)),
                        Kpis.dailyFromSql(c, all)));
            }
            if (found.isEmpty() || System.nanoTime() > deadline) {
                return found;
            }
            LOG.info("analytics differ from the write side in {} (yet?); checking again", found.keySet());
            Thread.sleep(2000);
        }
    }

    /** The histogram's bucket bounds from the read side, or null when it is not configured (percentiles then go unchecked). */
    static List<Long> bounds(Db read) throws SQLException {
        if (read == null) {
            return null;
        }
        List<Long> bounds = new ArrayList<>();
        try (Connection c = read.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT upper_minutes FROM analytics_histogram_bucket WHERE upper_minutes IS NOT NULL ORDER BY bucket")) {
            while (rs.next()) {
                bounds.add(rs.getLong(1));
            }
        }
        return bounds;
    }

    private void get(String path, String token) throws Exception {
        Http.Reply reply = api.get(path, token);
        if (reply.status() != 200) {
            throw new Probe.Failed(String.valueOf(reply.status()));
        }
    }

    private JsonNode json(String path, String token) throws Exception {
        Http.Reply reply = api.get(path, token);
        if (reply.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + reply.status() + " " + reply.body());
        }
        return JSON.readTree(reply.body());
    }

    private void sqlKpis(KpiRange range) throws SQLException {
        try (Connection c = sql.getConnection()) {
            Kpis.fromSql(c, range);
        }
    }

    private void sqlDaily() throws SQLException {
        try (Connection c = sql.getConnection()) {
            Kpis.dailyFromSql(c, all);
        }
    }

    private static void add(Map<String, List<String>> found, String name, List<String> mismatches) {
        if (!mismatches.isEmpty()) {
            found.put(name, mismatches);
        }
    }
}
