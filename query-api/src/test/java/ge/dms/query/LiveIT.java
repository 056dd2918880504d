package ge.dms.query;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.query.support.LiveClient;
import ge.dms.query.support.TestStack;
import ge.dms.schemas.serde.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static ge.dms.query.support.TestStack.token;
import static ge.dms.query.support.TestViews.BASE;
import static ge.dms.query.support.TestViews.view;
import static org.assertj.core.api.Assertions.assertThat;

/** The live protocol over WebSocket and SSE, fed by the projections' Redis writer (XADD to the driver's stream). */
@WithDevStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private TestStack stack;

    @BeforeAll
    void start(Infrastructure infra, TestNamespace ns) {
        String redis = infra.endpoints().redisUrl();
        stack = TestStack.start(ns, redis, redis, Map.of());
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    private URI live(long driverId, String after) {
        URI http = stack.uri("/api/drivers/" + driverId + "/live" + (after == null ? "" : "?after=" + after));
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    @Test
    void shouldPushAChangeToTheAssignedDriver() throws Exception {
        try (LiveClient client = LiveClient.connect(stack.http(), live(51, null), token("driver", 51L), true)) {
            JsonNode hello = client.next(WAIT);
            assertThat(hello.get("type").asText()).isEqualTo("hello");

            stack.redisWriter().apply(view(5101, 3, "ready", 61, 51L, BASE));

            JsonNode change = client.changes(1, WAIT).getFirst();
            assertThat(change.get("orderId").asLong()).isEqualTo(5101);
            assertThat(change.get("version").asLong()).isEqualTo(3);
            assertThat(change.get("status").asText()).isEqualTo("ready");
            assertThat(change.get("change").asText()).isEqualTo("upsert");
            assertThat(change.get("order").get("restaurant").get("name").asText()).isEqualTo("რესტორანი 61");
            assertThat(change.get("cursor").asText()).isNotBlank();

            stack.redisWriter().apply(view(5101, 4, "ready", 61, 52L, BASE)); // reassigned away
            JsonNode away = client.changes(1, WAIT).getFirst();
            assertThat(away.get("change").asText()).isEqualTo("unassigned");
            assertThat(away.get("orderId").asLong()).isEqualTo(5101);
        }
    }

    @Test
    void shouldReplayExactlyTheMissedChangesInOrderThenContinueLive() throws Exception {
        String cursor;
        try (LiveClient client = LiveClient.connect(stack.http(), live(53, null), token("driver", 53L), true)) {
            client.next(WAIT); // hello
            stack.redisWriter().apply(view(5301, 1, "confirmed", 61, 53L, BASE));
            cursor = client.changes(1, WAIT).getFirst().get("cursor").asText();
        }
        for (int v = 2; v <= 101; v++) { // 100 changes while disconnected
            stack.redisWriter().apply(view(5301, v, "preparing", 61, 53L, BASE));
        }

        try (LiveClient client = LiveClient.connect(stack.http(), live(53, cursor), token("driver", 53L), true)) {
            // More changes land while the replay runs: the seam must have no gap and no duplicate.
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int v = 102; v <= 151; v++) {
                    stack.redisWriter().apply(view(5301, v, "ready", 61, 53L, BASE));
                }
            });
            List<JsonNode> changes = client.changes(150, WAIT.multipliedBy(3));
            writer.join();

            List<Long> versions = changes.stream().map(c -> c.get("version").asLong()).toList();
            List<Long> expected = new ArrayList<>();
            for (long v = 2; v <= 151; v++) {
                expected.add(v);
            }
            assertThat(versions).containsExactlyElementsOf(expected);
            assertThat(client.poll(Duration.ofMillis(300))).as("nothing after the last change").isNull();

            stack.redisWriter().apply(view(5301, 152, "out_for_delivery", 61, 53L, BASE));
            assertThat(client.changes(1, WAIT).getFirst().get("version").asLong()).isEqualTo(152);
        }
    }

    @Test
    void shouldKeepDriversConnectedAtOnceApartAndPushToEachPromptly() throws Exception {
        try (LiveClient a = LiveClient.connect(stack.http(), live(58, null), token("driver", 58L), true)) {
            a.next(WAIT);
            stack.redisWriter().apply(view(5801, 1, "confirmed", 61, 58L, BASE));
            a.changes(1, WAIT);
            // The reader now blocks on driver 58's stream; driver 59 arrives and must be taken in at once.
            try (LiveClient b = LiveClient.connect(stack.http(), live(59, null), token("driver", 59L), true);
                 LiveClient admin = LiveClient.connect(stack.http(), live(59, null), token("admin", null), true)) {
                b.next(WAIT);
                admin.next(WAIT);
                stack.redisWriter().apply(view(5901, 1, "confirmed", 61, 59L, BASE));
                stack.redisWriter().apply(view(5801, 2, "preparing", 61, 58L, BASE));

                assertThat(b.changes(1, WAIT).getFirst().get("orderId").asLong()).isEqualTo(5901);
                assertThat(admin.changes(1, WAIT).getFirst().get("orderId").asLong()).isEqualTo(5901);
                assertThat(a.changes(1, WAIT).getFirst().get("orderId").asLong()).isEqualTo(5801);
                assertThat(b.poll(Duration.ofMillis(200))).as("nothing of driver 58 reaches driver 59").isNull();
            }
        }
    }

    /** Prints how long a change takes from the projections' write to the socket on this machine; asserts nothing about speed. */
    @Test
    void shouldMeasureWriteToSocketLatency() throws Exception {
        try (LiveClient client = LiveClient.connect(stack.http(), live(60, null), token("driver", 60L), true)) {
            client.next(WAIT);
            long[] micros = new long[200];
            for (int v = 1; v <= micros.length; v++) {
                long start = System.nanoTime();
                stack.redisWriter().apply(view(6001, v, "preparing", 61, 60L, BASE));
                assertThat(client.changes(1, WAIT).getFirst().get("version").asLong()).isEqualTo(v);
                micros[v - 1] = (System.nanoTime() - start) / 1000;
            }
            java.util.Arrays.sort(micros);
            System.out.printf("live latency, Redis write -> WebSocket message (n=%d): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    micros.length, micros[micros.length / 2] / 1000.0, micros[micros.length * 99 / 100] / 1000.0,
                    micros[micros.length - 1] / 1000.0);
        }
    }

    @Test
    void shouldRefuseOtherDriversAndAnonymousSockets() throws Exception {
        // No or a bad token: the auth filter refuses the upgrade request. Another driver: the socket says why.
        assertThat(closeCodeOrHandshakeStatus(live(54, null), null)).isEqualTo(401);
        assertThat(closeCodeOrHandshakeStatus(live(54, null), "garbage")).isEqualTo(401);
        assertThat(closeCodeOrHandshakeStatus(live(54, null), token("driver", 55L))).isEqualTo(4403);
        assertThat(closeCodeOrHandshakeStatus(live(54, null), token("restaurant", 54L))).isEqualTo(4403);
        assertThat(closeCodeOrHandshakeStatus(live(54, "not-a-cursor"), token("driver", 54L))).isEqualTo(4400);
    }

    private int closeCodeOrHandshakeStatus(URI uri, String token) throws Exception {
        try (LiveClient client = LiveClient.connect(stack.http(), uri, token, true)) {
            return client.closed.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (CompletionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
    }

    @Test
    void shouldResumeServerSentEventsFromLastEventId() throws Exception {
        stack.redisWriter().apply(view(5601, 1, "confirmed", 61, 56L, BASE));
        String first = stack.redis().sync().xrevrange(stack.keys.driverChanges(56), io.lettuce.core.Range.create("-", "+"),
                io.lettuce.core.Limit.create(0, 1)).getFirst().getId();
        for (int v = 2; v <= 6; v++) {
            stack.redisWriter().apply(view(5601, v, "preparing", 61, 56L, BASE));
        }
        HttpRequest request = HttpRequest.newBuilder(stack.uri("/api/drivers/56/events"))
                .header("Authorization", "Bearer " + token("driver", 56L)).header("Last-Event-ID", first).GET().build();
        HttpResponse<InputStream> response = stack.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("text/event-stream");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            List<Long> versions = new ArrayList<>();
            String event = null;
            String id = null;
            while (versions.size() < 6) {
                String line = reader.readLine();
                assertThat(line).as("stream ended early").isNotNull();
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:") && "change".equals(event)) {
                    JsonNode change = Json.mapper().readTree(line.substring(5).trim());
                    assertThat(change.get("cursor").asText()).isEqualTo(id);
                    versions.add(change.get("version").asLong());
                    if (versions.size() == 5) {
                        stack.redisWriter().apply(view(5601, 7, "ready", 61, 56L, BASE)); // then live
                    }
                }
            }
            assertThat(versions).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        }
    }
}
