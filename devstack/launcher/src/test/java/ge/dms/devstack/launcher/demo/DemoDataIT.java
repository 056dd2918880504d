package ge.dms.devstack.launcher.demo;

import ge.dms.command.CommandApi;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.devstack.tokens.DevTokens;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import static ge.dms.command.persistence.jooq.Tables.ORDERS;
import static ge.dms.command.persistence.jooq.Tables.ORDER_STATUS_CHANGES;
import static ge.dms.command.persistence.jooq.Tables.PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;

/** The demo data on a write database the command API has migrated, and the API working on it. */
@WithDevStack
class DemoDataIT {

    private static final String SECRET = DevTokens.randomSecret();

    @Test
    void shouldLoadOnceAndServeTheDemoTokens(TestNamespace ns) throws Exception {
        PostgresEndpoint db = ns.writeDatabase();
        try (CommandApi api = CommandApi.start(Map.of("DMS_POSTGRES_URL", db.jdbcUrl(), "DMS_POSTGRES_USER", db.user(),
                "DMS_POSTGRES_PASSWORD", db.password(), "DMS_JWT_SECRET", SECRET, "DMS_COMMAND_API_PORT", -1,
                "dms.postgres.maximum-pool-size", 4));
             Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            DSLContext sql = DSL.using(connection, SQLDialect.POSTGRES);
            DemoData.Summary first = DemoData.load(db.jdbcUrl(), db.user(), db.password());
            String counts = counts(sql);
            DemoData.Summary again = DemoData.load(db.jdbcUrl(), db.user(), db.password());

            assertThat(first.ordersCreated()).isEqualTo(12);
            assertThat(again.ordersCreated()).isZero();
            assertThat(again.restaurantIds()).isEqualTo(first.restaurantIds());
            assertThat(counts(sql)).isEqualTo(counts);
            assertThat(sql.fetchCount(PRODUCTS)).isEqualTo(20);
            assertThat(sql.fetchCount(ORDERS, ORDERS.STATUS.eq("delivered"))).isEqualTo(4);
            // Every order's log is whole: one row per version.
            assertThat(sql.fetchOne("select count(*) from orders o where o.version <> "
                    + "(select count(*) from order_status_changes c where c.order_id = o.id)").get(0, Long.class)).isZero();
            assertThat(sql.fetchCount(ORDER_STATUS_CHANGES)).isPositive();

            long product = sql.select(PRODUCTS.ID).from(PRODUCTS).where(PRODUCTS.SKU.eq("DRY-SUL-002")).fetchSingle().value1();
            String token = DevTokens.mint(SECRET, "restaurant", first.restaurantIds().getFirst());
            HttpResponse<String> placed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(api.url() + "/api/orders")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                            {"items":[{"productId":%d,"quantity":1.5}],"deliveryAddress":"თბილისი, რუსთაველის გამზ. 12",
                             "requestedDeliveryAt":"2099-01-01T10:00:00+04:00"}""".formatted(product))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        }
    }

    private static String counts(DSLContext sql) {
        return sql.fetchOne("select (select count(*) from restaurants) || '/' || (select count(*) from drivers) || '/' "
                + "|| (select count(*) from products) || '/' || (select count(*) from orders) || '/' "
                + "|| (select count(*) from order_items) || '/' || (select count(*) from order_status_changes)").get(0, String.class);
    }
}
