package ge.dms.bench.data;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.bench.support.TestBench;
import ge.dms.command.CommandApi;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.devstack.tokens.DevTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator on a real PostgreSQL migrated by command-api's Flyway scripts, checked row by row with SQL. */
@WithDevStack
class DataGeneratorIT {

    private static final int ORDERS = 1_500;

    @Test
    void shouldLoadConsistentDataThatTheCommandApiKeepsWorkingOn(TestNamespace ns, @TempDir Path results) throws Exception {
        PostgresEndpoint db = ns.writeDatabase();
        TestBench.migrate(db);

        TestBench.Run run = TestBench.bench("generate", "--postgres-url", db.jdbcUrl(), "--postgres-user", db.user(),
                "--postgres-password", db.password(), "--orders", String.valueOf(ORDERS), "--restaurants", "12", "--drivers", "5",
                "--products", "60", "--seed", "3", "--end", "2026-06-30T11:00:00Z", "--batch-size", "400",
                "--no-progress", "--results-dir", results.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("rowsPerSecond");
        JsonNode report = TestBench.readJson(results.resolve("generate.json"));
        assertThat(report.at("/machine/cores").asInt()).isPositive();
        assertThat(report.at("/figures/rows/orders").asLong()).isEqualTo(ORDERS);
        try (Connection c = TestBench.connect(db)) {
            assertConsistent(c, report);
            assertThat(TestBench.count(c, "select count(*) from orders where status not in ('delivered', 'cancelled')"))
                    .as("the newest orders are still open").isPositive();
            try (CommandApi api = TestBench.startCommandApi(db)) {
                assertTheApiCanPlaceAndMoveOrders(c, api);
            }
        }
    }

    private static void assertConsistent(Connection c, JsonNode report) throws Exception {
        assertThat(TestBench.count(c, "select count(*) from orders")).isEqualTo(ORDERS);
        assertThat(TestBench.count(c, "select count(*) from order_items")).isEqualTo(report.at("/figures/rows/order_items").asLong());
        assertThat(TestBench.count(c, "select count(*) from order_status_changes"))
                .isEqualTo(report.at("/figures/rows/order_status_changes").asLong());
        assertThat(TestBench.count(c, "select count(*) from orders o where o.item_count <> "
                + "(select count(*) from order_items i where i.order_id = o.id)")).as("item counts").isZero();
        assertThat(TestBench.count(c, "select count(*) from orders o where o.total_amount <> "
                + "(select coalesce(sum(i.line_total), 0) from order_items i where i.order_id = o.id)")).as("totals").isZero();
        assertThat(TestBench.count(c, "select count(*) from order_items where line_total <> round(unit_price * quantity, 2)"))
                .as("line totals").isZero();
        assertThat(TestBench.count(c, "select count(*) from order_items i join products p on p.id = i.product_id "
                + "where i.product_name <> p.name or i.unit_price <> p.price or not p.active")).as("lines copy the catalog").isZero();
        assertThat(TestBench.count(c, "select count(*) from orders o where o.version <> "
                + "(select count(*) from order_status_changes s where s.order_id = o.id)")).as("version = number of changes").isZero();
        assertThat(TestBench.count(c, "select count(*) from orders o where o.status is distinct from (select s.to_status "
                + "from order_status_changes s where s.order_id = o.id order by s.changed_at desc, s.id desc limit 1)"))
                .as("the log ends in the order's status").isZero();
        assertThat(TestBench.count(c, "select count(*) from (select from_status, to_status, lag(to_status) over w as previous, "
                + "row_number() over w as n from order_status_changes window w as (partition by order_id order by changed_at, id)) x "
                + "where (n = 1 and (from_status is not null or to_status <> 'pending')) or (n > 1 and from_status is distinct from previous)"))
                .as("each change starts where the last one ended").isZero();
        assertThat(TestBench.count(c, "select count(*) from orders where status = 'delivered' and (driver_id is null or "
                + "delivered_at is null or picked_up_at is null or ready_at is null or confirmed_at is null)")).isZero();
        assertThat(TestBench.count(c, "select count(*) from orders o where updated_at <> "
                + "(select max(changed_at) from order_status_changes s where s.order_id = o.id)")).isZero();
        assertThat(TestBench.count(c, "select count(*) from orders where reference !~ '^ORD-[0-9]{4}-[0-9]{6}$'")).isZero();
        assertThat(TestBench.count(c, "select count(*) from restaurants where name ~ '[ა-ჰ]'")).isEqualTo(12);
    }

    /** Sequences were moved past the generated ids: new orders get fresh ids, and generated orders move on with their version. */
    private static void assertTheApiCanPlaceAndMoveOrders(Connection c, CommandApi api) throws Exception {
        long restaurant = TestBench.count(c, "select min(id) from restaurants");
        long product = TestBench.count(c, "select min(id) from products where active and unit = 'box'");
        HttpResponse<String> placed = post(api, "/api/orders", DevTokens.mint(TestBench.SECRET, "restaurant", restaurant), null,
                "{\"items\":[{\"productId\":" + product + ",\"quantity\":2}],\"deliveryAddress\":\"თბილისი\","
                        + "\"requestedDeliveryAt\":\"2099-01-01T10:00:00+04:00\"}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        assertThat(TestBench.parse(placed.body()).get("id").asLong()).isEqualTo(ORDERS + 1);

        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, version from orders where status = 'pending' and id <= " + ORDERS + " limit 1")) {
            if (rs.next()) {
                String admin = DevTokens.mint(TestBench.SECRET, "admin", null);
                long id = rs.getLong(1);
                int version = rs.getInt(2);
                assertThat(post(api, "/api/orders/" + id + "/confirm", admin, "\"" + (version + 1) + "\"", null).statusCode()).isEqualTo(409);
                HttpResponse<String> confirmed = post(api, "/api/orders/" + id + "/confirm", admin, "\"" + version + "\"", null);
                assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
                assertThat(TestBench.parse(confirmed.body()).get("version").asInt()).isEqualTo(version + 1);
            }
        }
    }

    private static HttpResponse<String> post(CommandApi api, String path, String token, String ifMatch, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url() + path)).header("Authorization", "Bearer " + token)
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
