package ge.dms.command.catalog;

import ge.dms.command.support.TestApi;
import ge.dms.command.support.TestApi.Reply;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;

import static ge.dms.command.persistence.jooq.Tables.ORDER_ITEMS;
import static ge.dms.command.persistence.jooq.Tables.PRODUCTS;
import static ge.dms.command.persistence.jooq.Tables.RESTAURANTS;
import static org.assertj.core.api.Assertions.assertThat;

/** Admins manage the catalog, restaurants and drivers; orders see the catalog as it was when placed. */
@WithDevStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogIT {

    private TestApi t;

    @BeforeAll
    void start(TestNamespace ns) {
        t = TestApi.start(ns);
    }

    @AfterAll
    void stop() {
        t.close();
    }

    private static long id(Reply reply) {
        return ((Number) reply.json().get("id")).longValue();
    }

    @Test
    void shouldCreateUpdateAndDeactivateAProduct() {
        String admin = TestApi.admin();
        Reply created = t.post("/api/products", admin,
                "{\"sku\":\"SUL-1\",\"name\":\"სულგუნი\",\"description\":\"სამეგრელოს\",\"category\":\"dairy\",\"unit\":\"kg\",\"price\":18.90}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long product = id(created);
        assertThat(created.header("Location")).isEqualTo("/api/products/" + product);
        assertThat(created.header("DMS-Write-Token")).matches("product=" + product + ";xid=\\d+");

        long restaurant = id(t.post("/api/restaurants", admin,
                "{\"name\":\"იმერული ეზო\",\"address\":\"რუსთაველის ქ. 22\",\"city\":\"ქუთაისი\",\"phone\":\"+995 599 70 80 90\"}"));
        long order = ((Number) t.placeOrder(restaurant, product).get("id")).longValue();

        Reply updated = t.send("PUT", "/api/products/" + product, admin, "application/json",
                "{\"sku\":\"SUL-1\",\"name\":\"სულგუნი (შებოლილი)\",\"category\":\"dairy\",\"unit\":\"kg\",\"price\":21.00}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json()).containsEntry("name", "სულგუნი (შებოლილი)");
        assertThat(t.sql().select(PRODUCTS.PRICE).from(PRODUCTS).where(PRODUCTS.ID.eq(product)).fetchSingle().value1())
                .isEqualByComparingTo("21.00");
        // The order keeps the name and price it was placed with.
        var line = t.sql().selectFrom(ORDER_ITEMS).where(ORDER_ITEMS.ORDER_ID.eq(order)).fetchSingle();
        assertThat(line.getProductName()).isEqualTo("სულგუნი");
        assertThat(line.getUnitPrice()).isEqualByComparingTo(new BigDecimal("18.90"));

        assertThat(t.post("/api/products/" + product + "/deactivate", admin, null).json()).containsEntry("active", false);
        Reply refused = t.post("/api/orders", TestApi.restaurant(restaurant), TestApi.orderBody(product, "1"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("items[0].productId");
        assertThat(t.post("/api/products/" + product + "/activate", admin, null).json()).containsEntry("active", true);
    }

    @Test
    void shouldManageRestaurantsAndDrivers() {
        String admin = TestApi.admin();
        Reply restaurant = t.post("/api/restaurants", admin,
                "{\"name\":\"ძველი ქალაქი\",\"address\":\"ლესელიძის ქ. 14\",\"city\":\"თბილისი\",\"region\":\"ძველი თბილისი\",\"phone\":\"+995 555 11 22 33\"}");
        assertThat(restaurant.status()).isEqualTo(201);
        long restaurantId = id(restaurant);
        Reply renamed = t.send("PUT", "/api/restaurants/" + restaurantId, admin, "application/json",
                "{\"name\":\"ძველი ქალაქი 2\",\"address\":\"ლესელიძის ქ. 14\",\"city\":\"თბილისი\",\"phone\":\"+995 555 11 22 33\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(t.sql().select(RESTAURANTS.NAME).from(RESTAURANTS).where(RESTAURANTS.ID.eq(restaurantId)).fetchSingle().value1())
                .isEqualTo("ძველი ქალაქი 2");

        long product = t.product("POT-1", "კარტოფილი", "kg", "1.35");
        long driverId = id(t.post("/api/drivers", admin, "{\"name\":\"დავით მამულაშვილი\",\"phone\":\"+995 591 33 33 33\",\"vehicle\":\"Isuzu\"}"));
        long order = ((Number) t.placeOrder(restaurantId, product).get("id")).longValue();
        assertThat(t.act(order, "confirm", admin, 1, null).status()).isEqualTo(200);

        assertThat(t.post("/api/drivers/" + driverId + "/deactivate", admin, null).json()).containsEntry("active", false);
        Reply inactiveDriver = t.act(order, "assign-driver", admin, 2, "{\"driverId\":" + driverId + "}");
        assertThat(inactiveDriver.status()).isEqualTo(422);
        assertThat(inactiveDriver.body()).contains("driverId");
        assertThat(t.post("/api/drivers/" + driverId + "/activate", admin, null).status()).isEqualTo(200);
        assertThat(t.act(order, "assign-driver", admin, 2, "{\"driverId\":" + driverId + "}").status()).isEqualTo(200);

        assertThat(t.post("/api/restaurants/" + restaurantId + "/deactivate", admin, null).status()).isEqualTo(200);
        assertThat(t.post("/api/orders", TestApi.restaurant(restaurantId), TestApi.orderBody(product, "1")).status()).isEqualTo(403);
    }

    @Test
    void shouldStoreSqlLookingTextLiterally() {
        String hostile = "Robert'); DROP TABLE orders;--";
        Reply created = t.post("/api/drivers", TestApi.admin(), "{\"name\":\"" + hostile + "\",\"phone\":\"+995 591 00 00 00\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()).containsEntry("name", hostile);
        assertThat(t.sql().fetchCount(ge.dms.command.persistence.jooq.Tables.ORDERS)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void shouldRecordWhoLastChangedAProductARestaurantAndADriver() {
        String admin = TestApi.admin();
        long product = id(t.post("/api/products", admin,
                "{\"sku\":\"ACT-1\",\"name\":\"მაწონი\",\"category\":\"dairy\",\"unit\":\"litre\",\"price\":3.20}"));
        t.post("/api/products/" + product + "/deactivate", admin, null);
        long restaurant = id(t.post("/api/restaurants", admin,
                "{\"name\":\"აქტორი\",\"address\":\"ა\",\"city\":\"თბილისი\",\"phone\":\"+995 555 00 11 22\"}"));
        long driver = id(t.post("/api/drivers", admin, "{\"name\":\"აქტორი\",\"phone\":\"+995 591 00 11 22\"}"));

        var p = t.sql().selectFrom(PRODUCTS).where(PRODUCTS.ID.eq(product)).fetchSingle();
        assertThat(p.getUpdatedByRole()).isEqualTo("admin");
        assertThat(p.getActive()).isFalse();
        assertThat(t.sql().select(RESTAURANTS.UPDATED_BY_ROLE).from(RESTAURANTS).where(RESTAURANTS.ID.eq(restaurant))
                .fetchSingle().value1()).isEqualTo("admin");
        assertThat(t.sql().select(ge.dms.command.persistence.jooq.Tables.DRIVERS.UPDATED_BY_ROLE)
                .from(ge.dms.command.persistence.jooq.Tables.DRIVERS)
                .where(ge.dms.command.persistence.jooq.Tables.DRIVERS.ID.eq(driver)).fetchSingle().value1()).isEqualTo("admin");
    }
}
