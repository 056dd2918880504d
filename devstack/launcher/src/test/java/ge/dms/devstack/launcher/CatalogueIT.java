package ge.dms.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.devstack.launcher.demo.DemoData;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.devstack.tokens.DevTokens;
import ge.dms.schemas.serde.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The catalogue and party reads on the whole platform (the four services as their own JVMs): a product an admin
 * creates through the command API reaches the restaurants' catalogue (Redis) and search (read side) through
 * Debezium, Kafka and the projections' catalogue application; deactivated, it leaves the restaurants' list and
 * stays on the admins'; a new driver's active load follows assignment and delivery; bad input is a 4xx problem.
 */
@WithDevStack
@ExtendWith(SharedPlatform.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueIT {

    /** Generous: CDC, the catalogue application and the sinks on two busy cores; the bound is the assertion, not a speed. */
    private static final Duration VIEW = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private URI commandApi;
    private URI queryApi;
    private String secret;
    private String admin;
    private String restaurant;

    @BeforeAll
    void start(SharedPlatform shared) {
        secret = shared.secret();
        commandApi = shared.platform().commandApi();
        queryApi = shared.platform().queryApi();
        DemoData.Summary demo = shared.demo();
        admin = DevTokens.mint(secret, "admin", null);
        restaurant = DevTokens.mint(secret, "restaurant", demo.restaurantIds().getFirst());
    }

    @Test
    void shouldShowANewProductInTheRestaurantsCatalogueAndSearchThenHideItWhenDeactivated() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "ახალი ყველი " + tag;
        JsonNode created = post("/api/products", admin, """
                {"sku":"CAT-%s","name":"%s","description":"იმერული","category":"dairy","unit":"kg","price":17.40}"""
                .formatted(tag, name), 201);
        long id = created.path("id").asLong();

        await().atMost(VIEW).untilAsserted(() -> assertThat(ids(walk("/api/products?category=dairy&limit=5", restaurant)))
                .as("the restaurant's dairy catalogue").contains(id));
        JsonNode listed = walk("/api/products?category=dairy&limit=5", restaurant).stream()
                .filter(p -> p.path("productId").asLong() == id).findFirst().orElseThrow();
        assertThat(listed.path("price").asText()).isEqualTo("17.40");
        assertThat(listed.path("unit").asText()).isEqualTo("kg");
        assertThat(listed.path("name").asText()).isEqualTo(name);
        assertThat(listed.path("updatedByRole").asText()).as("the edit's actor").isEqualTo("admin");
        await().atMost(VIEW).untilAsserted(() -> assertThat(ids(get("/api/products?q=" + enc("ყველი " + tag), restaurant, 200)
                .path("products"))).as("search (substring or trigram-similar)").contains(id));

        post("/api/products/" + id + "/deactivate", admin, "", 200);

        await().atMost(VIEW).untilAsserted(() -> assertThat(ids(walk("/api/products?limit=50", restaurant)))
                .as("the restaurant's catalogue").doesNotContain(id));
        assertThat(ids(get("/api/products?q=" + enc("ყველი " + tag), restaurant, 200).path("products"))).doesNotContain(id);
        assertThat(get("/api/products/" + id, restaurant, 404).path("type").asText()).endsWith("/not-found");
        assertThat(get("/api/products/" + id, admin, 200).path("active").asBoolean()).isFalse();
        assertThat(ids(get("/api/products?active=false&q=" + enc("ყველი " + tag), admin, 200).path("products")))
                .contains(id);
    }

    @Test
    void shouldMoveADriversActiveLoadWithAssignmentAndDelivery() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long driverId = post("/api/drivers", admin, """
                {"name":"მძღოლი %s","phone":"+995 599 00 00 00","vehicle":"van"}""".formatted(tag), 201).path("id").asLong();
        String driver = DevTokens.mint(secret, "driver", driverId);
        await().atMost(VIEW).untilAsserted(() -> assertThat(load(driverId)).isEqualTo(0));
        assertThat(get("/api/drivers/" + driverId, driver, 200).path("updatedByRole").asText()).isEqualTo("admin");
        long productId = ids(get("/api/products?limit=1", restaurant, 200).path("products")).getFirst();

        long orderId = post("/api/orders", restaurant, """
                {"items":[{"productId":%d,"quantity":2}],"deliveryAddress":"თბილისი, ჭავჭავაძის 12",
                 "requestedDeliveryAt":"2030-01-01T10:00:00Z"}""".formatted(productId), 201).path("id").asLong();
        long version = act(orderId, "confirm", 1, admin, null);
        version = act(orderId, "assign-driver", version, admin, "{\"driverId\":" + driverId + "}");
        await().atMost(VIEW).untilAsserted(() -> assertThat(load(driverId)).as("after assignment").isEqualTo(1));
        JsonNode picker = get("/api/drivers?active=true&q=" + enc("მძღოლი " + tag), admin, 200).path("drivers");
        List<JsonNode> ours = new ArrayList<>();
        picker.forEach(d -> {
            if (d.path("driverId").asLong() == driverId) {
                ours.add(d);
            }
        });
        assertThat(ours).as("the assign picker finds the driver with its load").singleElement()
                .satisfies(d -> assertThat(d.path("activeLoad").asLong()).isEqualTo(1));

        version = act(orderId, "start-preparing", version, admin, null);
        version = act(orderId, "mark-ready", version, admin, null);
        version = act(orderId, "pick-up", version, driver, null);
        act(orderId, "deliver", version, driver, null);
        await().atMost(VIEW).untilAsserted(() -> assertThat(load(driverId)).as("after delivery").isEqualTo(0));
    }

    @Test
    void shouldAnswerBadCatalogueAndPartyRequestsWithProblems() {
        for (String path : List.of("/api/products?cursor=not-a-cursor", "/api/products?limit=0", "/api/products?limit=501",
                "/api/drivers?limit=-1", "/api/restaurants?cursor=zz", "/api/products?category=toys", "/api/products/x")) {
            JsonNode problem = get(path, admin, 400);
            assertThat(problem.path("status").asInt()).as(path).isEqualTo(400);
            assertThat(problem.path("type").asText()).as(path).startsWith("https://dms.ge/problems/");
        }
        for (String path : List.of("/api/products/987654321", "/api/restaurants/987654321", "/api/drivers/987654321")) {
            assertThat(get(path, admin, 404).path("status").asInt()).as(path).isEqualTo(404);
        }
        assertThat(get("/api/drivers", restaurant, 403).path("status").asInt()).isEqualTo(403);
    }

    private long load(long driverId) {
        return get("/api/drivers/" + driverId, admin, 200).path("activeLoad").asLong(-1);
    }

    /** Every page of a list, following nextCursor. */
    private List<JsonNode> walk(String first, String token) {
        List<JsonNode> rows = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get(first + (cursor == null ? "" : "&cursor=" + cursor), token, 200);
            page.path("products").forEach(rows::add);
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        return rows;
    }

    private static List<Long> ids(Iterable<JsonNode> products) {
        List<Long> ids = new ArrayList<>();
        products.forEach(p -> ids.add(p.path("productId").asLong()));
        return ids;
    }

    private JsonNode get(String path, String token, int expected) {
        return send(() -> HttpRequest.newBuilder(queryApi.resolve(path)).GET(), token, expected, path);
    }

    /** A command with an idempotency key of its own, so a retry after a timeout cannot apply it twice. */
    private JsonNode post(String path, String token, String body, int expected) {
        return post(path, token, body, null, expected);
    }

    private JsonNode post(String path, String token, String body, Long ifMatch, int expected) {
        String key = UUID.randomUUID().toString();
        return send(() -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(commandApi.resolve(path)).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            return ifMatch == null ? b : b.header("If-Match", "\"" + ifMatch + "\"");
        }, token, expected, path);
    }

    /** A lifecycle action (If-Match, idempotency key); returns the new version. */
    private long act(long orderId, String action, long version, String token, String body) {
        return post("/api/orders/" + orderId + "/" + action, token, body == null ? "{}" : body, version, 200).path("version").asLong();
    }

    /**
     * Sends, retrying a request that timed out (the two cores are shared with whole other platforms; a slow answer
     * is not what this test is about). Commands carry an idempotency key, so a retry is answered, not applied again.
     */
    private JsonNode send(java.util.function.Supplier<HttpRequest.Builder> request, String token, int expected, String path) {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request.get().timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertThat(response.statusCode()).as("%s -> %s", path, response.body()).isEqualTo(expected);
                if (expected >= 400) {
                    assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).contains("application/problem+json");
                }
                return response.body().isEmpty() ? Json.mapper().createObjectNode() : Json.mapper().readTree(response.body());
            } catch (java.net.http.HttpTimeoutException e) {
                if (attempt == 3) {
                    throw new UncheckedIOException(e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
