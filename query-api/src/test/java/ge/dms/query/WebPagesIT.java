package ge.dms.query;

import com.sun.net.httpserver.HttpServer;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.query.support.TestStack;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static ge.dms.query.support.TestStack.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What query-api does for the web pages over HTTP (the pages themselves run in a browser in
 * devstack/launcher's WebPagesIT): security and cache headers, fingerprinted files, the session
 * cookie, the pages' reports in the metrics, and the forwarding of writes to the command API.
 */
@WithDevStack
class WebPagesIT {

    @Test
    void shouldServeThePagesWithSecurityHeadersAndTheirFilesForAYear(Infrastructure infra, TestNamespace ns) {
        String redis = infra.endpoints().redisUrl();
        try (TestStack stack = TestStack.start(ns, redis, redis, Map.of())) {
            for (String page : List.of("/", "/restaurant", "/dispatch", "/driver")) {
                HttpResponse<String> html = stack.get(page, null);
                assertThat(html.statusCode()).as(page).isEqualTo(200);
                assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
                assertThat(html.headers().firstValue("Cache-Control")).hasValue("no-cache");
                String csp = html.headers().firstValue("Content-Security-Policy").orElse("");
                assertThat(csp).contains("script-src 'self';", "frame-ancestors 'none'", "object-src 'none'");
                assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")))).doesNotContain("unsafe");
                assertThat(html.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
                assertThat(html.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
                assertThat(html.body()).doesNotContain("{{").doesNotContainPattern("<script>\\S");
            }
            String dispatch = stack.get("/dispatch", null).body();
            Matcher script = Pattern.compile("src=\"(/assets/[0-9a-f]{16}/dispatch\\.js)\"").matcher(dispatch);
            Matcher echarts = Pattern.compile("(?:src|href)=\"(/webjars/echarts/[0-9.]+/dist/echarts\\.min\\.js)\"").matcher(dispatch);
            assertThat(script.find()).as(dispatch).isTrue();
            assertThat(echarts.find()).as(dispatch).isTrue();
            for (String file : List.of(script.group(1), echarts.group(1), script.group(1).replace("dispatch.js", "app.css"))) {
                HttpResponse<String> asset = stack.get(file, null);
                assertThat(asset.statusCode()).as(file).isEqualTo(200);
                assertThat(asset.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
                assertThat(asset.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
                assertThat(asset.headers().firstValue("Content-Type").orElse("")).matches("text/(javascript|css).*");
            }
            // Another build's URL is not served as if it were this one's.
            assertThat(stack.get("/assets/0000000000000000/dispatch.js", null).statusCode()).isEqualTo(404);
            assertThat(stack.get("/webjars/echarts/0.0.0/dist/echarts.min.js", null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void shouldTakeTheSessionCookieWhenThereIsNoAuthorizationHeader(Infrastructure infra, TestNamespace ns) {
        String redis = infra.endpoints().redisUrl();
        try (TestStack stack = TestStack.start(ns, redis, redis, Map.of())) {
            HttpResponse<String> me = stack.get("/api/me", null, "Cookie", "dms_access=" + token("restaurant", 7L));
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"role\":\"restaurant\"", "\"partyId\":7");
            assertThat(stack.get("/api/restaurants/8/orders", null, "Cookie", "dms_access=" + token("restaurant", 7L)).statusCode()).isEqualTo(403);
            assertThat(stack.get("/api/me", null).statusCode()).isEqualTo(401);
            assertThat(stack.get("/api/me", null, "Cookie", "dms_access=not-a-token").statusCode()).isEqualTo(401);
            // A header always wins over the cookie, even a bad one.
            assertThat(stack.get("/api/me", null, "Cookie", "dms_access=" + token("admin", null), "Authorization", "Bearer nope").statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void shouldCountThePagesLoadTimesAndScriptErrors(Infrastructure infra, TestNamespace ns) {
        String redis = infra.endpoints().redisUrl();
        try (TestStack stack = TestStack.start(ns, redis, redis, Map.of())) {
            assertThat(post(stack, "/web/reports", "{\"page\":\"driver\",\"kind\":\"load\",\"seconds\":0.35}").statusCode()).isEqualTo(204);
            assertThat(post(stack, "/web/reports", "{\"page\":\"driver\",\"kind\":\"load\",\"seconds\":1.5}").statusCode()).isEqualTo(204);
            assertThat(post(stack, "/web/reports", "{\"page\":\"dispatch\",\"kind\":\"error\",\"message\":\"x is undefined\"}").statusCode()).isEqualTo(204);
            for (String bad : List.of("{\"page\":\"nope\",\"kind\":\"load\",\"seconds\":1}", "{\"page\":\"driver\",\"kind\":\"load\",\"seconds\":-1}",
                    "{\"page\":\"driver\",\"kind\":\"load\"}", "{\"page\":\"driver\",\"kind\":\"other\"}", "not json", "[]")) {
                HttpResponse<String> refused = post(stack, "/web/reports", bad);
                assertThat(refused.statusCode()).as(bad).isEqualTo(400);
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            }
            String metrics = stack.get("/metrics", null).body();
            assertThat(metrics).contains("dms_web_page_load_seconds_count{page=\"driver\",service=\"query-api\"} 2");
            assertThat(metrics).contains("dms_web_page_load_seconds_bucket{page=\"driver\",service=\"query-api\",le=");
            assertThat(metrics).contains("dms_web_script_errors_total{page=\"dispatch\",service=\"query-api\"} 1.0");
            assertThat(metrics).contains("dms_web_script_errors_total{page=\"driver\",service=\"query-api\"} 0.0");
        }
    }

    @Test
    void shouldForwardWritesAndSessionCallsToTheCommandApi(Infrastructure infra, TestNamespace ns) throws IOException {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer commandApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        commandApi.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " host=" + exchange.getRequestHeaders().getFirst("X-Forwarded-Host")
                    + " body=" + body);
            byte[] answer = "{\"from\":\"command-api\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Set-Cookie", "dms_access=x; Path=/api; HttpOnly; SameSite=Strict");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        commandApi.start();
        String redis = infra.endpoints().redisUrl();
        try (TestStack stack = TestStack.start(ns, redis, redis,
                Map.of("dms.query.command-api-url", "http://127.0.0.1:" + commandApi.getAddress().getPort()))) {
            HttpResponse<String> placed = post(stack, "/api/orders?x=1", "{\"items\":[]}");
            assertThat(placed.statusCode()).isEqualTo(201);
            assertThat(placed.body()).isEqualTo("{\"from\":\"command-api\"}");
            assertThat(placed.headers().firstValue("Set-Cookie").orElse("")).contains("HttpOnly");
            assertThat(placed.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(post(stack, "/api/session/cookie", "{\"username\":\"a\"}").statusCode()).isEqualTo(201);
            // Reads stay here (no token: this instance's 401), and so does the pages' report endpoint.
            assertThat(stack.get("/api/orders/1", null).statusCode()).isEqualTo(401);
            assertThat(post(stack, "/web/reports", "{\"page\":\"driver\",\"kind\":\"load\",\"seconds\":0.1}").statusCode()).isEqualTo(204);
            String browserHost = stack.uri("/").getRawAuthority();
            assertThat(seen).containsExactly(
                    "POST /api/orders?x=1 host=" + browserHost + " body={\"items\":[]}",
                    "POST /api/session/cookie host=" + browserHost + " body={\"username\":\"a\"}");
        } finally {
            commandApi.stop(0);
        }
    }

    private static HttpResponse<String> post(TestStack stack, String path, String json) {
        try {
            return stack.http().send(HttpRequest.newBuilder(stack.uri(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
