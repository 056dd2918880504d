package ge.dms.command.support;

import ge.dms.command.CommandApi;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.tokens.DevTokens;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static ge.dms.command.persistence.jooq.Tables.DRIVERS;
import static ge.dms.command.persistence.jooq.Tables.PRODUCTS;
import static ge.dms.command.persistence.jooq.Tables.RESTAURANTS;

/**
 * The module's one test fixture: the command API started through its launcher entry point on a
 * database of the test's own, a raw HTTP client (bad-input tests need to send bytes no typed
 * client would), tokens, and direct SQL for arranging and checking.
 */
public final class TestApi implements AutoCloseable {

    public static final String SECRET = DevTokens.randomSecret();

    private final CommandApi api;
    private final PostgresEndpoint db;
    private final Connection connection;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;

    private TestApi(CommandApi api, PostgresEndpoint db) throws SQLException {
        this.api = api;
        this.db = db;
        this.connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        this.json = api.context().getBean(JsonMapper.class);
    }

    public static TestApi start(TestNamespace ns) {
        return start(ns, Map.of());
    }

    /** With {@code overrides} (settings or DMS_* variables) over the test's defaults. */
    public static TestApi start(TestNamespace ns, Map<String, Object> overrides) {
        PostgresEndpoint db = ns.writeDatabase();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("DMS_POSTGRES_URL", db.jdbcUrl());
        properties.put("DMS_POSTGRES_USER", db.user());
        properties.put("DMS_POSTGRES_PASSWORD", db.password());
        properties.put("DMS_JWT_SECRET", SECRET);
        properties.put("DMS_COMMAND_API_PORT", -1);
        properties.put("dms.postgres.maximum-pool-size", 4);
        properties.putAll(overrides);
        try {
            return new TestApi(CommandApi.start(properties), db);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public DSLContext sql() {
        return DSL.using(connection, SQLDialect.POSTGRES);
    }

    public CommandApi api() {
        return api;
    }

    public static String token(String role, Long id) {
        return DevTokens.mint(SECRET, role, id);
    }

    public static String admin() {
        return token("admin", null);
    }

    public static String restaurant(long id) {
        return token("restaurant", id);
    }

    public static String driver(long id) {
        return token("driver", id);
    }

    // ---- arranging data ----

    public long restaurant(String name) {
        return sql().insertInto(RESTAURANTS).set(RESTAURANTS.NAME, name).set(RESTAURANTS.ADDRESS, "ჭავჭავაძის გამზ. 1")
                .set(RESTAURANTS.CITY, "თბილისი").set(RESTAURANTS.PHONE, "+995 555 000 000")
                .returning(RESTAURANTS.ID).fetchSingle().getId();
    }

    public long driverRow(String name) {
        return sql().insertInto(DRIVERS).set(DRIVERS.NAME, name).set(DRIVERS.PHONE, "+995 555 111 111")
                .returning(DRIVERS.ID).fetchSingle().getId();
    }

    public long product(String sku, String name, String unit, String price) {
        return sql().insertInto(PRODUCTS).set(PRODUCTS.SKU, sku).set(PRODUCTS.NAME, name).set(PRODUCTS.CATEGORY, "produce")
                .set(PRODUCTS.UNIT, unit).set(PRODUCTS.PRICE, new BigDecimal(price))
                .returning(PRODUCTS.ID).fetchSingle().getId();
    }

    /** A JSON body placing {@code quantity} of {@code productId}, delivered tomorrow. */
    public static String orderBody(long productId, String quantity) {
        return """
                {"items":[{"productId":%d,"quantity":%s}],"deliveryAddress":"თბილისი, რუსთაველის გამზ. 12",
                 "requestedDeliveryAt":"2099-01-01T10:00:00+04:00","notes":"უკანა კარიდან"}""".formatted(productId, quantity);
    }

    // ---- HTTP ----

    public Reply send(String method, String path, String token, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().map(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code body} chunked, with no Content-Length, as a client streaming an unbounded body would. */
    public Reply sendChunked(String path, String token, byte[] body) {
        return sendChunked(path, token, "application/json", body);
    }

    /** Chunked, as {@link #sendChunked(String, String, byte[])}, with {@code contentType} (null: no Content-Type). */
    public Reply sendChunked(String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api.url() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().map(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply post(String path, String token, String json, String... headers) {
        return send("POST", path, token, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Places an order as {@code restaurantId} and returns the answer's JSON. */
    public Map<String, Object> placeOrder(long restaurantId, long productId) {
        Reply reply = post("/api/orders", restaurant(restaurantId), orderBody(productId, "2"));
        if (reply.status() != 201) {
            throw new AssertionError("placing failed: " + reply);
        }
        return reply.json();
    }

    public Reply act(long orderId, String action, String token, int version, String body) {
        return post("/api/orders/" + orderId + "/" + action, token, body, "If-Match", "\"" + version + "\"");
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the database goes with the test
        }
        api.close();
    }

    /** An HTTP answer, its body as text and (when JSON) as a map. */
    public record Reply(int status, Map<String, List<String>> headers, String body, JsonMapper mapper) {

        public Map<String, Object> json() {
            try {
                return mapper.readValue(body, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
