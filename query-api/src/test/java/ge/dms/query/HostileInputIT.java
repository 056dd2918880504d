package ge.dms.query;

import com.sun.net.httpserver.HttpServer;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.query.support.ProblemCheck;
import ge.dms.query.support.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static ge.dms.query.support.TestStack.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input against the real query API: every limit, filter and parameter rule answers a 4xx RFC 9457 problem
 * (never Micronaut's own body, never a 503 for input the read side would refuse), and the write proxy answers for
 * the command API what it can tell without it.
 */
@WithDevStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    private TestStack stack;
    private String redis;

    /** One hostile request, the status it must get and, when it matters, the problem's slug. */
    record Case(String name, int expected, String slug, String method, String path, String token, String contentType,
                byte[] body, String... headers) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void start(Infrastructure infra, TestNamespace ns) {
        redis = infra.endpoints().redisUrl();
        stack = TestStack.start(ns, redis, redis, Map.of());
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldAnswerWithAProblem(Case c) {
        HttpResponse<String> reply = stack.send(c.method(), c.path(), c.token(), c.contentType(), c.body(), c.headers());

        assertThat(ProblemCheck.problemFault(reply, c.expected(), c.slug())).as(reply.statusCode() + " " + reply.body()).isNull();
    }

    @Test
    void shouldAnswerTheRateLimitWithAProblem(TestNamespace ns) {
        try (TestStack tight = TestStack.start(ns, redis, null, Map.of("dms.query.rate-limit-per-second", "0.1",
                "dms.query.rate-limit-burst", 1))) {
            String caller = token("restaurant", 7L);
            tight.get("/api/restaurants/7/orders", caller);

            HttpResponse<String> limited = tight.get("/api/restaurants/7/orders", caller);

            assertThat(ProblemCheck.problemFault(limited, 429, "rate-limited")).as(limited.body()).isNull();
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void shouldRefuseAnOverLongWriteWithoutForwardingIt(TestNamespace ns) throws IOException {
        List<String> forwarded = new CopyOnWriteArrayList<>();
        HttpServer commandApi = fakeCommandApi(forwarded);
        try (TestStack proxying = TestStack.start(ns, redis, null, Map.of("dms.query.command-api-url",
                "http://127.0.0.1:" + commandApi.getAddress().getPort()))) {
            HttpResponse<String> reply = proxying.send("POST", "/api/orders", token("restaurant", 1L), "application/json",
                    orderWithNotes(1 << 20));

            assertThat(ProblemCheck.problemFault(reply, 413, "payload-too-large")).as(reply.body()).isNull();
            assertThat(forwarded).isEmpty();
        } finally {
            commandApi.stop(0);
        }
    }

    @Test
    void shouldAnswerAnOverLongChunkedWriteWithAProblem(TestNamespace ns) throws Exception {
        HttpServer commandApi = fakeCommandApi(new CopyOnWriteArrayList<>());
        try (TestStack proxying = TestStack.start(ns, redis, null, Map.of("dms.query.command-api-url",
                "http://127.0.0.1:" + commandApi.getAddress().getPort()))) {
            byte[] body = orderWithNotes(3 << 20);
            HttpRequest chunked = HttpRequest.newBuilder(proxying.uri("/api/orders")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token("restaurant", 1L)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

            HttpResponse<String> reply = proxying.http().send(chunked, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

            assertThat(ProblemCheck.problemFault(reply, 413, "payload-too-large")).as(reply.body()).isNull();
        } finally {
            commandApi.stop(0);
        }
    }

    @Test
    void shouldRefuseAWriteWithoutContentTypeWithoutForwardingIt(TestNamespace ns) throws IOException {
        List<String> forwarded = new CopyOnWriteArrayList<>();
        HttpServer commandApi = fakeCommandApi(forwarded);
        try (TestStack proxying = TestStack.start(ns, redis, null, Map.of("dms.query.command-api-url",
                "http://127.0.0.1:" + commandApi.getAddress().getPort()))) {
            HttpResponse<String> reply = proxying.send("POST", "/api/orders", token("restaurant", 1L), null,
                    "{\"items\":[]}".getBytes(StandardCharsets.UTF_8));

            assertThat(ProblemCheck.problemFault(reply, 415, "content-type-required")).as(reply.body()).isNull();
            assertThat(forwarded).isEmpty();
        } finally {
            commandApi.stop(0);
        }
    }

    @Test
    void shouldAnswer503WhenTheCommandApiCannotBeReached(TestNamespace ns) throws IOException {
        HttpServer gone = fakeCommandApi(new CopyOnWriteArrayList<>());
        int port = gone.getAddress().getPort();
        gone.stop(0);
        try (TestStack proxying = TestStack.start(ns, redis, null, Map.of("dms.query.command-api-url", "http://127.0.0.1:" + port))) {
            HttpResponse<String> reply = proxying.send("POST", "/api/orders", token("restaurant", 1L), "application/json",
                    "{\"items\":[]}".getBytes(StandardCharsets.UTF_8));

            assertThat(ProblemCheck.problemFault(reply, 503, "command-api-unavailable")).as(reply.body()).isNull();
            assertThat(reply.headers().firstValue("Retry-After")).hasValue("1");
        }
    }

    Stream<Case> cases() {
        String admin = token("admin", null);
        String restaurant = token("restaurant", 11L);
        byte[] report = "{\"page\":\"driver\",\"kind\":\"load\",\"seconds\":1}".getBytes(StandardCharsets.UTF_8);
        String outOfRangeCursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("p1:9223372036854775807:1".getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                // Netty's limits: request line 4 kB, headers 8 kB.
                get("over-long URL", 414, "uri-too-long", "/api/orders/" + "1".repeat(10_000), admin),
                get("over-long query string", 414, "uri-too-long", "/api/orders/search?q=" + "a".repeat(10_000), admin),
                new Case("over-long header", 431, "headers-too-large", "GET", "/api/orders/1", admin, null, null,
                        "X-Padding", "a".repeat(20_000)),
                // Routes, methods, media types
                get("unknown route under /api", 404, "not-found", "/api/nothing-here", admin),
                get("unknown route outside /api", 404, "not-found", "/nothing-here", null),
                new Case("method not allowed", 405, "method-not-allowed", "DELETE", "/api/orders/1", admin, null, null),
                new Case("answer only as XML", 406, "not-acceptable", "GET", "/api/orders/1", admin, null, null,
                        "Accept", "application/xml"),
                // Security
                get("no token", 401, "unauthorized", "/api/orders/1", null),
                get("garbage token", 401, "unauthorized", "/api/orders/1", "not.a.token"),
                get("another restaurant's board", 403, "forbidden", "/api/restaurants/12/orders", restaurant),
                // Parameters
                get("path id out of long range", 400, "invalid-parameter", "/api/orders/99999999999999999999", admin),
                get("minVersion not a number", 400, "invalid-parameter", "/api/orders/1?minVersion=abc", admin),
                get("negative limit", 400, "invalid-parameter", "/api/dispatch/orders?limit=-1", admin),
                get("zero limit", 400, "invalid-parameter", "/api/dispatch/orders?limit=0", admin),
                get("huge limit", 400, "invalid-parameter", "/api/dispatch/orders?limit=99999999999", admin),
                get("limit not a number", 400, "invalid-parameter", "/api/products?limit=ten", admin),
                get("unknown status", 400, "invalid-parameter", "/api/dispatch/orders?status=lost", admin),
                get("unknown category", 400, "invalid-parameter", "/api/products?category=furniture", admin),
                get("garbage cursor", 400, "invalid-parameter", "/api/dispatch/orders?cursor=garbage", admin),
                get("cursor out of range", 400, "invalid-parameter", "/api/dispatch/orders?cursor=" + outOfRangeCursor, admin),
                // Input the read side would refuse with a database error (was a 503 "unavailable")
                get("NUL in a search term", 400, "invalid-parameter", "/api/orders/search?q=a%00b", admin),
                get("NUL alone as a search term", 400, "invalid-parameter", "/api/orders/search?q=%00", admin),
                get("control character in a product search", 400, "invalid-parameter", "/api/products?q=to%01m", admin),
                get("NUL in a restaurant search", 400, "invalid-parameter", "/api/restaurants?q=x%00", admin),
                get("date after year 9999", 400, "invalid-parameter",
                        "/api/restaurants/11/orders?driverId=1&from=%2B100000-01-01T00:00:00Z", admin),
                get("date before year 1", 400, "invalid-parameter", "/api/dispatch/orders?to=-5000-01-01T00:00:00Z", admin),
                get("analytics day after year 9999", 400, "invalid-parameter", "/api/analytics/kpis?from=%2B100000-01-01T00:00:00Z", admin),
                // The pages' report endpoint, the one body this service reads
                new Case("report with a key twice", 400, "invalid-parameter", "POST", "/web/reports", null, "application/json",
                        "{\"page\":\"driver\",\"page\":\"dispatch\",\"kind\":\"load\",\"seconds\":1}".getBytes(StandardCharsets.UTF_8)),
                new Case("report that is not JSON", 400, "invalid-parameter", "POST", "/web/reports", null, "application/json",
                        "{\"page\": [}".getBytes(StandardCharsets.UTF_8)),
                new Case("report without Content-Type", 415, "content-type-required", "POST", "/web/reports", null, null, report),
                new Case("report as XML", 415, "unsupported-media-type", "POST", "/web/reports", null, "application/xml", report),
                new Case("1 MB report", 413, "payload-too-large", "POST", "/web/reports", null, "application/json",
                        ("{\"page\":\"driver\",\"kind\":\"error\",\"message\":\"" + "x".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8)),
                new Case("report endpoint read", 405, "method-not-allowed", "GET", "/web/reports", null, null, null));
    }

    private static Case get(String name, int expected, String slug, String path, String token) {
        return new Case(name, expected, slug, "GET", path, token, null, null);
    }

    /** A command API stand-in that records what reaches it and accepts everything. */
    private static HttpServer fakeCommandApi(List<String> forwarded) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            forwarded.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static byte[] orderWithNotes(int length) {
        return ("{\"items\":[{\"productId\":1,\"quantity\":1}],\"deliveryAddress\":\"x\","
                + "\"requestedDeliveryAt\":\"2099-01-01T10:00:00Z\",\"notes\":\"" + "x".repeat(length) + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
