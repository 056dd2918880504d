package ge.dms.bench.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.bench.analytics.KpiRange;
import ge.dms.bench.platform.BenchIndexes;
import ge.dms.bench.platform.Db;
import ge.dms.bench.platform.Http;
import ge.dms.bench.support.TestBench;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.devstack.tokens.DevTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The baseline server on a real PostgreSQL (command-api's migrations, {@code generate}'s data) with the bench's
 * indexes and summary view: its board, followed cursor by cursor, holds the restaurant's orders newest first; its
 * order detail the order's row, names and items; its KPIs the write side's counts; and the view goes with the indexes.
 */
@WithDevStack
class BaselineServerIT {

    @Test
    void shouldAnswerTheBoardTheOrderAndTheKpisFromTheWriteSide(TestNamespace ns, @TempDir Path results) throws Exception {
        PostgresEndpoint pg = ns.writeDatabase();
        TestBench.migrate(pg);
        TestBench.Run generated = TestBench.bench("generate", "--postgres-url", pg.jdbcUrl(), "--postgres-user", pg.user(),
                "--postgres-password", pg.password(), "--orders", "600", "--restaurants", "4", "--drivers", "3", "--products", "30",
                "--seed", "5", "--no-progress", "--results-dir", results.toString());
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        Db db = new Db(pg.jdbcUrl(), pg.user(), pg.password());
        String secret = DevTokens.randomSecret();
        String admin = DevTokens.mint(secret, "admin", null);
        try (Connection c = TestBench.connect(pg)) {
            long restaurant = TestBench.count(c, "SELECT restaurant_id FROM orders GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
            try (BenchIndexes indexes = BenchIndexes.create(db);
                 BaselineProcess baseline = BaselineProcess.start(TestBench.classPathWithoutCommandApi(), db, secret, 2, Duration.ofSeconds(90));
                 Http http = new Http(baseline.url(), Duration.ofSeconds(30))) {
                assertThat(walkBoard(http, restaurant, admin)).isEqualTo(newestFirst(c, restaurant));

                long order = newestFirst(c, restaurant).getFirst();
                JsonNode view = TestBench.parse(http.get("/api/orders/" + order, admin).body());
                assertThat(view.path("orderId").asLong()).isEqualTo(order);
                assertThat(view.path("items").size()).isEqualTo(view.path("itemCount").asInt()).isPositive();
                assertThat(view.path("restaurant").path("name").asText()).isNotBlank();
                assertThat(view.path("totalAmount").asText()).isEqualTo(text(c, "SELECT total_amount::text FROM orders WHERE id = " + order));
                assertThat(http.get("/api/orders/999999999", admin).status()).isEqualTo(404);

                KpiRange all = new KpiRange(LocalDate.parse("2000-01-01"), LocalDate.parse("2000-12-31"), null);
                assertThat(TestBench.parse(http.get(all.kpisPath(), admin).body()).path("orders").asLong()).isZero();
                KpiRange recent = KpiRange.lastMonths(12, LocalDate.now(BaselineParams.DAY_ZONE), restaurant);
                JsonNode kpis = TestBench.parse(http.get(recent.kpisPath(), admin).body());
                assertThat(kpis.path("restaurantId").asLong()).isEqualTo(restaurant);
                assertThat(kpis.path("orders").asLong()).isEqualTo(TestBench.count(c, "SELECT count(*) FROM orders WHERE restaurant_id = "
                        + restaurant + " AND created_at >= ('" + recent.from() + "'::timestamp AT TIME ZONE 'Asia/Tbilisi')"
                        + " AND created_at < ('" + recent.to() + "'::timestamp AT TIME ZONE 'Asia/Tbilisi')")).isPositive();
                assertThat(kpis.path("statusDistribution").size()).isPositive();
            }
            assertThat(TestBench.count(c, "SELECT count(*) FROM pg_views WHERE viewname = '" + BenchIndexes.SUMMARY_VIEW + "'"))
                    .as("the view goes with the indexes").isZero();
        }
    }

    /** Every order of the board, page by page (20 a page) through the baseline's own cursors. */
    private static List<Long> walkBoard(Http http, long restaurant, String token) throws Exception {
        List<Long> ids = new ArrayList<>();
        String path = "/api/restaurants/" + restaurant + "/orders?limit=20";
        while (true) {
            Http.Reply reply = http.get(path, token);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            JsonNode page = TestBench.parse(reply.body());
            page.path("orders").forEach(o -> ids.add(o.path("orderId").asLong()));
            if (page.path("nextCursor").isNull()) {
                return ids;
            }
            path = "/api/restaurants/" + restaurant + "/orders?limit=20&cursor=" + page.path("nextCursor").asText();
        }
    }

    private static List<Long> newestFirst(Connection c, long restaurant) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM orders WHERE restaurant_id = ? ORDER BY created_at DESC, id DESC")) {
            ps.setLong(1, restaurant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static String text(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
