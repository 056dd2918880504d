package ge.dms.command.order;

import ge.dms.command.support.TestApi;
import ge.dms.command.support.TestApi.Reply;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.devstack.tokens.DevTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;

import static ge.dms.command.persistence.jooq.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

/** Restaurants touch only their own orders, drivers only orders assigned to them. */
@WithDevStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessIT {

    private TestApi t;
    private long restaurantA;
    private long restaurantB;
    private long driverX;
    private long driverY;
    private long product;

    @BeforeAll
    void start(TestNamespace ns) {
        t = TestApi.start(ns);
        restaurantA = t.restaurant("A");
        restaurantB = t.restaurant("B");
        driverX = t.driverRow("X");
        driverY = t.driverRow("Y");
        product = t.product("WALNUT-1", "ნიგოზი", "kg", "22.00");
    }

    @AfterAll
    void stop() {
        t.close();
    }

    private String status(long id) {
        return t.sql().select(ORDERS.STATUS).from(ORDERS).where(ORDERS.ID.eq(id)).fetchSingle().value1();
    }

    @Test
    void shouldHideRestaurantBsOrderFromRestaurantA() {
        long bOrder = ((Number) t.placeOrder(restaurantB, product).get("id")).longValue();
        Reply reply = t.act(bOrder, "cancel", TestApi.restaurant(restaurantA), 1, "{\"reason\":\"not mine\"}");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json()).containsEntry("type", "https://dms.ge/problems/not-found");
        assertThat(status(bOrder)).isEqualTo("pending");
    }

    @Test
    void shouldNotLetDriverXDeliverDriverYsOrder() {
        long id = ((Number) t.placeOrder(restaurantA, product).get("id")).longValue();
        String admin = TestApi.admin();
        assertThat(t.act(id, "confirm", admin, 1, null).status()).isEqualTo(200);
        assertThat(t.act(id, "assign-driver", admin, 2, "{\"driverId\":" + driverY + "}").status()).isEqualTo(200);
        assertThat(t.act(id, "start-preparing", admin, 3, null).status()).isEqualTo(200);
        assertThat(t.act(id, "mark-ready", admin, 4, null).status()).isEqualTo(200);
        assertThat(t.act(id, "pick-up", TestApi.driver(driverX), 5, null).status()).isEqualTo(404);
        assertThat(t.act(id, "pick-up", TestApi.admin(), 5, null).status()).isEqualTo(403);
        assertThat(t.act(id, "pick-up", TestApi.driver(driverY), 5, null).status()).isEqualTo(200);
        assertThat(t.act(id, "deliver", TestApi.driver(driverX), 6, null).status()).isEqualTo(404);
        assertThat(status(id)).isEqualTo("out_for_delivery");
        assertThat(t.act(id, "deliver", TestApi.driver(driverY), 6, null).status()).isEqualTo(200);
    }

    @Test
    void shouldKeepEachRoleToItsActions() {
        long id = ((Number) t.placeOrder(restaurantA, product).get("id")).longValue();
        assertThat(t.act(id, "confirm", TestApi.restaurant(restaurantA), 1, null).status()).isEqualTo(403);
        assertThat(t.act(id, "confirm", TestApi.driver(driverX), 1, null).status()).isEqualTo(403);
        assertThat(t.post("/api/orders", TestApi.driver(driverX), TestApi.orderBody(product, "1")).status()).isEqualTo(403);
        assertThat(t.post("/api/orders", TestApi.admin(), TestApi.orderBody(product, "1")).status()).isEqualTo(403);
        assertThat(t.post("/api/products", TestApi.restaurant(restaurantA), "{}").status()).isEqualTo(403);
        assertThat(status(id)).isEqualTo("pending");
    }

    @Test
    void shouldRefuseMissingForgedAndExpiredTokens() {
        String body = TestApi.orderBody(product, "1");
        int before = t.sql().fetchCount(ORDERS);
        assertThat(t.post("/api/orders", null, body).status()).isEqualTo(401);
        assertThat(t.post("/api/orders", "not-a-jwt", body).status()).isEqualTo(401);
        String forged = DevTokens.mint(DevTokens.randomSecret(), "restaurant", restaurantA, Duration.ofMinutes(5));
        assertThat(t.post("/api/orders", forged, body).status()).isEqualTo(401);
        String expired = DevTokens.mint(TestApi.SECRET, "restaurant", restaurantA, Duration.ofSeconds(-5));
        Reply reply = t.post("/api/orders", expired, body);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(t.sql().fetchCount(ORDERS)).isEqualTo(before);
    }
}
