package ge.dms.command.http;

import ge.dms.command.support.ProblemCheck;
import ge.dms.command.support.TestApi;
import ge.dms.command.support.TestApi.Reply;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static ge.dms.command.persistence.jooq.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input at the HTTP edge, against the real service: every limit and every filter (URL and header size,
 * body size, media types, duplicate JSON keys, routes, methods, security) answers a 4xx RFC 9457 problem, and the
 * connection always gets that answer. The body-field rules are in {@link BadInputIT}.
 */
@WithDevStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    private TestApi t;
    private long restaurant;
    private long product;

    /** One hostile request, the status it must get and, when it matters, the problem's slug. */
    record Case(String name, int expected, String slug, String method, String path, String token, String contentType,
                byte[] body, String... headers) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void start(TestNamespace ns) {
        t = TestApi.start(ns);
        restaurant = t.restaurant("ქეთოს სამზარეულო");
        product = t.product("TOMATO-1", "პომიდორი", "kg", "4.80");
    }

    @AfterAll
    void stop() {
        t.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldAnswerWithAProblem(Case c) {
        long orders = orders();

        Reply reply = t.send(c.method(), c.path(), c.token(), c.contentType(), c.body(), c.headers());

        assertThat(ProblemCheck.problemFault(reply, c.expected())).as(reply.toString()).isNull();
        if (c.slug() != null) {
            assertThat(reply.json()).containsEntry("type", "https://dms.ge/problems/" + c.slug());
        }
        assertThat(orders()).as("no order placed").isEqualTo(orders);
    }

    @Test
    void shouldNameTheKeyThatAppearsTwice() {
        String body = "{\"items\":[{\"productId\":" + product + ",\"quantity\":1,\"quantity\":500}],"
                + "\"deliveryAddress\":\"x\",\"requestedDeliveryAt\":\"2099-01-01T10:00:00Z\"}";

        Reply reply = t.post("/api/orders", TestApi.restaurant(restaurant), body);

        assertThat(ProblemCheck.problemFault(reply, 400)).as(reply.toString()).isNull();
        assertThat(reply.json()).containsEntry("type", "https://dms.ge/problems/duplicate-key")
                .containsEntry("errors", List.of(Map.of("field", "quantity", "message", "appears more than once in one object")));
        assertThat((String) reply.json().get("detail")).contains("\"quantity\"");
    }

    @Test
    void shouldAnswerAOneMegabyteFieldSentChunkedWithAProblem() {
        Reply reply = t.sendChunked("/api/orders", TestApi.restaurant(restaurant), orderWithNotes(1 << 20));

        assertThat(ProblemCheck.problemFault(reply, 413)).as(reply.toString()).isNull();
    }

    @Test
    void shouldRefuseAChunkedBodyWithoutContentType() {
        Reply reply = t.sendChunked("/api/orders", TestApi.restaurant(restaurant), null, utf8(TestApi.orderBody(product, "1")));

        assertThat(ProblemCheck.problemFault(reply, 415)).as(reply.toString()).isNull();
        assertThat(reply.json()).containsEntry("type", "https://dms.ge/problems/content-type-required");
    }

    @Test
    void shouldHonourAConfiguredMaximumBodySize(TestNamespace ns) {
        try (TestApi small = TestApi.start(ns, Map.of("DMS_COMMAND_API_MAX_REQUEST_SIZE", "16KB"))) {
            long id = small.restaurant("პატარა");

            Reply reply = small.send("POST", "/api/orders", TestApi.restaurant(id), "application/json", orderWithNotes(20_000));

            assertThat(ProblemCheck.problemFault(reply, 413)).as(reply.toString()).isNull();
        }
    }

    Stream<Case> cases() {
        String token = TestApi.restaurant(restaurant);
        String admin = TestApi.admin();
        byte[] order = utf8(TestApi.orderBody(product, "1"));
        return Stream.of(
                // Netty's limits: request line 4 kB, headers 8 kB.
                new Case("over-long URL", 414, "uri-too-long", "GET", "/api/orders/" + "1".repeat(10_000), admin, null, null),
                new Case("over-long query string", 414, "uri-too-long", "POST", "/api/orders?x=" + "a".repeat(10_000), token,
                        "application/json", order),
                new Case("over-long header", 431, "headers-too-large", "POST", "/api/orders", token, "application/json", order,
                        "X-Padding", "a".repeat(20_000)),
                // Bodies
                new Case("1 MB field", 413, "payload-too-large", "POST", "/api/orders", token, "application/json", orderWithNotes(1 << 20)),
                new Case("900 kB field, under the limit", 400, "validation-failed", "POST", "/api/orders", token, "application/json",
                        orderWithNotes(900_000)),
                new Case("body without Content-Type", 415, "content-type-required", "POST", "/api/orders", token, null, order),
                new Case("duplicate top-level key", 400, "duplicate-key", "POST", "/api/orders", token, "application/json",
                        utf8("{\"items\":[{\"productId\":" + product + ",\"quantity\":1}],\"items\":[],"
                                + "\"deliveryAddress\":\"x\",\"requestedDeliveryAt\":\"2099-01-01T10:00:00Z\"}")),
                new Case("duplicate key on sign-in", 400, "duplicate-key", "POST", "/api/session", null, "application/json",
                        utf8("{\"username\":\"admin\",\"username\":\"other\",\"password\":\"x\"}")),
                new Case("unknown enum value", 400, "validation-failed", "POST", "/api/products", admin, "application/json",
                        utf8("{\"sku\":\"N-1\",\"name\":\"x\",\"category\":\"meat\",\"unit\":\"gallon\",\"price\":1}")),
                new Case("answer only as XML", 406, "not-acceptable", "POST", "/api/orders", token, "application/json", order,
                        "Accept", "application/xml"),
                // Routes and methods
                new Case("unknown route outside /api", 404, "not-found", "GET", "/nothing-here", null, null, null),
                new Case("method not allowed", 405, "method-not-allowed", "DELETE", "/api/orders", admin, null, null),
                new Case("path id out of long range", 400, null, "POST", "/api/orders/99999999999999999999/cancel", admin,
                        "application/json", utf8("{\"reason\":\"x\"}"), "If-Match", "\"1\""),
                // Security
                new Case("expired-looking garbage token", 401, "unauthenticated", "POST", "/api/orders", "not.a.token", "application/json", order),
                new Case("driver placing an order", 403, null, "POST", "/api/orders", TestApi.driver(1), "application/json", order));
    }

    private long orders() {
        return t.sql().fetchCount(ORDERS);
    }

    private byte[] orderWithNotes(int length) {
        return utf8("{\"items\":[{\"productId\":" + product + ",\"quantity\":1}],\"deliveryAddress\":\"x\","
                + "\"requestedDeliveryAt\":\"2099-01-01T10:00:00Z\",\"notes\":\"" + "x".repeat(length) + "\"}");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
