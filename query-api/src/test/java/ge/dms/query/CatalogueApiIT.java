package ge.dms.query;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.projection.catalogue.readstore.ReadStoreCatalogueWriter;
import ge.dms.projection.catalogue.redis.RedisCatalogueWriter;
import ge.dms.projection.source.PartyRow;
import ge.dms.projection.source.ProductRow;
import ge.dms.query.support.TestStack;
import ge.dms.schemas.serde.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static ge.dms.query.support.TestStack.token;
import static ge.dms.query.support.TestViews.BASE;
import static ge.dms.query.support.TestViews.view;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue and party reads on the real Redis and read-side PostgreSQL, fed through the projections' own
 * catalogue writers: who sees what, keyset pages, search, loads, freshness, the fallback, and bad input.
 */
@WithDevStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueApiIT {

    private static final Instant T = Instant.now().minusSeconds(5);
    private TestStack stack;
    private TestNamespace ns;
    private RedisCatalogueWriter redisWriter;
    private ReadStoreCatalogueWriter sqlWriter;
    private long lsn = 1_000;

    @BeforeAll
    void start(Infrastructure infra, TestNamespace ns) throws SQLException {
        this.ns = ns;
        String redis = infra.endpoints().redisUrl();
        stack = TestStack.start(ns, redis, redis, Map.of());
        redisWriter = new RedisCatalogueWriter(stack.redis(), stack.keys);
        sqlWriter = new ReadStoreCatalogueWriter(stack.readStore);
        for (long id = 1; id <= 30; id++) {
            product(id, id % 3 == 0 ? "dairy" : "produce", "პროდუქტი " + id, id % 10 != 0);
        }
        product(31, "bakery", "ხაჭაპური იმერული", true);
        party(new PartyRow(PartyRow.Kind.RESTAURANT, 11, "სახლი", "+995555", "ჭავჭავაძის 1", "თბილისი", null, null, true,
                T, T, "admin", 1L, lsn++, T, false));
        party(new PartyRow(PartyRow.Kind.RESTAURANT, 12, "ძველი ქალაქი", "+995556", "a", "თბილისი", null, null, false,
                T, T, null, null, lsn++, T, false));
        party(new PartyRow(PartyRow.Kind.DRIVER, 21, "გიორგი", "+995599", null, null, null, "van", true, T, T, "admin",
                null, lsn++, T, false));
        party(new PartyRow(PartyRow.Kind.DRIVER, 22, "ნიკა", "+995598", null, null, null, "car", true, T, T, "admin",
                null, lsn++, T, false));
        stack.write(view(501, 3, "confirmed", 11, 21L, BASE), view(502, 3, "ready", 11, 21L, BASE),
                view(503, 5, "delivered", 11, 21L, BASE), view(504, 3, "preparing", 11, 22L, BASE));
    }

    @AfterAll
    void stop() {
        sqlWriter.close();
        stack.close();
    }

    @Test
    void shouldWalkTheRestaurantsActiveCatalogueFromRedisWithoutGapOrDuplicate() throws Exception {
        List<JsonNode> rows = walk("/api/products?limit=7", token("restaurant", 11L), "products", "redis");

        assertThat(rows).extracting(r -> r.get("productId").asLong()).doesNotHaveDuplicates()
                .containsExactlyElementsOf(activeIds());
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("active").asBoolean()).isTrue();
            assertThat(r.get("price").asText()).isEqualTo("12.50");
            assertThat(r.get("unit").asText()).isEqualTo("kg");
        });
    }

    @Test
    void shouldFilterTheHotListByCategory() throws Exception {
        HttpResponse<String> r = stack.get("/api/products?category=dairy&limit=100", token("restaurant", 11L));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Data-Source")).hasValue("redis");
        assertThat(r.headers().firstValueAsLong("X-Data-Age-Ms").orElse(-1)).isGreaterThanOrEqualTo(0);
        assertThat(ids(body(r), "products")).containsExactly(3L, 6L, 9L, 12L, 15L, 18L, 21L, 24L, 27L);
    }

    @Test
    void shouldListInactiveProductsForAdminsOnly() throws Exception {
        List<JsonNode> all = walk("/api/products?limit=8", token("admin", null), "products", "read-store");
        assertThat(all).hasSize(31);
        HttpResponse<String> inactive = stack.get("/api/products?active=false", token("admin", null));
        assertThat(ids(body(inactive), "products")).containsExactly(10L, 20L, 30L);

        HttpResponse<String> refused = stack.get("/api/products?active=false", token("restaurant", 11L));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(stack.get("/api/products/10", token("restaurant", 11L)).statusCode()).isEqualTo(404);
        assertThat(body(stack.get("/api/products/10", token("admin", null))).get("active").asBoolean()).isFalse();
    }

    @Test
    void shouldSearchNamesInGeorgianOnTheReadSide() throws Exception {
        HttpResponse<String> r = stack.get("/api/products?q=" + enc("ხაჭაპ"), token("restaurant", 11L));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Data-Source")).hasValue("read-store");
        assertThat(ids(body(r), "products")).containsExactly(31L);
        JsonNode one = body(stack.get("/api/products/31", token("restaurant", 11L)));
        assertThat(one.get("name").asText()).isEqualTo("ხაჭაპური იმერული");
    }

    @Test
    void shouldServeTheCatalogueFromTheReadSideWhenRedisIsDown() throws Exception {
        try (TestStack down = TestStack.start(ns, "redis://127.0.0.1:" + ge.dms.devstack.infra.FreePorts.next(), null, Map.of())) {
            HttpResponse<String> r = down.get("/api/products?category=dairy&limit=100", token("restaurant", 11L));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Data-Source")).hasValue("read-store; redis-unavailable");
            assertThat(ids(body(r), "products")).containsExactly(3L, 6L, 9L, 12L, 15L, 18L, 21L, 24L, 27L);

            HttpResponse<String> drivers = down.get("/api/drivers", token("admin", null));
            assertThat(drivers.headers().firstValue("X-Data-Source")).hasValue("read-store; redis-unavailable");
            assertThat(loads(body(drivers))).isEqualTo(Map.of(21L, 2L, 22L, 1L));
        }
    }

    @Test
    void shouldListDriversWithTheirActiveLoadForTheAssignPicker() throws Exception {
        HttpResponse<String> r = stack.get("/api/drivers?active=true", token("admin", null));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(loads(body(r))).isEqualTo(Map.of(21L, 2L, 22L, 1L));
        JsonNode own = body(stack.get("/api/drivers/21", token("driver", 21L)));
        assertThat(own.get("activeLoad").asLong()).isEqualTo(2);
        assertThat(own.get("vehicle").asText()).isEqualTo("van");
        assertThat(stack.get("/api/drivers/22", token("driver", 21L)).statusCode()).isEqualTo(403);
        assertThat(stack.get("/api/drivers", token("driver", 21L)).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldListAndSearchRestaurantsForAdminsAndShowARestaurantItsOwn() throws Exception {
        assertThat(ids(body(stack.get("/api/restaurants", token("admin", null))), "restaurants")).containsExactly(11L, 12L);
        assertThat(ids(body(stack.get("/api/restaurants?active=false", token("admin", null))), "restaurants")).containsExactly(12L);
        assertThat(ids(body(stack.get("/api/restaurants?q=" + enc("ქალაქ"), token("admin", null))), "restaurants"))
                .containsExactly(12L);
        JsonNode own = body(stack.get("/api/restaurants/11", token("restaurant", 11L)));
        assertThat(own.get("name").asText()).isEqualTo("სახლი");
        assertThat(own.get("updatedByRole").asText()).isEqualTo("admin");
        assertThat(stack.get("/api/restaurants/12", token("restaurant", 11L)).statusCode()).isEqualTo(403);
        assertThat(stack.get("/api/restaurants", token("restaurant", 11L)).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldAnswerBadInputWithProblems() throws Exception {
        String admin = token("admin", null);
        for (String path : List.of("/api/products?cursor=garbage", "/api/products?limit=0", "/api/products?limit=501",
                "/api/products?limit=ten", "/api/products?category=toys", "/api/products?active=maybe",
                "/api/products?q=" + "x".repeat(101), "/api/products/abc", "/api/drivers?cursor=%25%25",
                "/api/restaurants?limit=9999", "/api/drivers/x1")) {
            HttpResponse<String> r = stack.get(path, admin);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).contains("application/problem+json");
        }
        for (String path : List.of("/api/products/999999", "/api/restaurants/999999", "/api/drivers/999999")) {
            HttpResponse<String> r = stack.get(path, admin);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(body(r).get("type").asText()).as(path).isEqualTo("https://dms.ge/problems/not-found");
        }
        assertThat(stack.get("/api/products", null).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldDocumentEveryCatalogueAndPartyRoute() {
        String document = stack.get("/openapi.yml", null).body();
        assertThat(document).contains("  /api/products:", "  /api/products/{id}:", "  /api/restaurants:",
                "  /api/restaurants/{id}:", "  /api/drivers:", "  /api/drivers/{id}:");
    }

    private void product(long id, String category, String name, boolean active) throws SQLException {
        ProductRow row = new ProductRow(id, "SKU-" + id, name, null, category, "kg", new BigDecimal("12.50"), active, "admin",
                null, T, lsn++, T, false);
        sqlWriter.product(row);
        redisWriter.apply(row);
    }

    private void party(PartyRow row) throws SQLException {
        sqlWriter.party(row);
    }

    private List<JsonNode> walk(String first, String token, String field, String source) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        String cursor = null;
        Set<String> seen = new HashSet<>();
        do {
            HttpResponse<String> r = stack.get(first + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Data-Source")).hasValue(source);
            JsonNode body = body(r);
            body.get(field).forEach(rows::add);
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
            assertThat(cursor == null || seen.add(cursor)).isTrue();
        } while (cursor != null);
        return rows;
    }

    private static List<Long> activeIds() {
        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= 31; id++) {
            if (id % 10 != 0) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static List<Long> ids(JsonNode body, String field) {
        List<Long> ids = new ArrayList<>();
        body.get(field).forEach(r -> ids.add(r.get(field.equals("products") ? "productId"
                : field.equals("drivers") ? "driverId" : "restaurantId").asLong()));
        return ids;
    }

    private static Map<Long, Long> loads(JsonNode body) {
        Map<Long, Long> loads = new java.util.HashMap<>();
        body.get("drivers").forEach(d -> loads.put(d.get("driverId").asLong(), d.get("activeLoad").asLong()));
        return loads;
    }

    private static JsonNode body(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body());
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
