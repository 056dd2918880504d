package ge.dms.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.projection.session.RedisSessionRevocationWriter;
import ge.dms.projection.source.SessionRevocationRow;
import ge.dms.query.support.LiveClient;
import ge.dms.query.support.TestStack;
import ge.dms.schemas.view.RedisKeys;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A signed-out session's tokens are refused: revocations written before the API started are loaded,
 * later ones arrive by pub/sub and close the session's live feeds; other tokens are untouched. The
 * revocations are written by the projections' own Redis writer.
 */
@WithDevStack
class SessionRevocationIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static String sessionToken(String role, Long id, Object sid) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("dms").subject("account:1")
                .claim("roles", List.of(role)).claim("sid", sid)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
        if (id != null) {
            claims.claim("dms_id", id);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(TestStack.SECRET.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static SessionRevocationRow revocation(long id, String sid) {
        Instant now = Instant.now();
        return new SessionRevocationRow(id, sid, now, now.plus(Duration.ofMinutes(15)), 100 + id);
    }

    @Test
    void shouldRefuseRevokedSessionsLoadedAtStartAndArrivingLater(Infrastructure infra, TestNamespace ns) throws Exception {
        String redisUrl = infra.endpoints().redisUrl();
        RedisClient client = RedisClient.create(redisUrl);
        try (var connection = client.connect()) {
            var writer = new RedisSessionRevocationWriter(connection, new RedisKeys(ns.redisKeyPrefix()), Clock.systemUTC());
            writer.revoked(revocation(1, "signed-out-before-start"));
            try (TestStack stack = TestStack.start(ns, redisUrl, redisUrl, Map.of())) {
                String before = sessionToken("restaurant", 1L, "signed-out-before-start");
                String later = sessionToken("restaurant", 1L, "signed-out-later");
                String untouched = sessionToken("restaurant", 1L, "still-signed-in");
                await().atMost(WAIT).until(() -> stack.get("/api/restaurants/1/orders", before).statusCode() == 401);
                assertThat(stack.get("/api/restaurants/1/orders", later).statusCode()).isEqualTo(200);

                writer.revoked(revocation(2, "signed-out-later"));
                await().atMost(WAIT).until(() -> stack.get("/api/restaurants/1/orders", later).statusCode() == 401);
                assertThat(stack.get("/api/restaurants/1/orders", untouched).statusCode()).isEqualTo(200);
                assertThat(stack.get("/api/restaurants/1/orders", TestStack.token("restaurant", 1L)).statusCode())
                        .as("tokens without a session (./dev token)").isEqualTo(200);
                assertThat(stack.get("/api/restaurants/1/orders", sessionToken("restaurant", 1L, 42)).statusCode())
                        .as("a sid that is not a string").isEqualTo(401);
                assertThat(stack.get("/api/restaurants/1/orders", before).body()).contains("/problems/unauthorized");
            }
        } finally {
            client.shutdown();
        }
    }

    @Test
    void shouldCloseTheLiveFeedsOfARevokedSession(Infrastructure infra, TestNamespace ns) throws Exception {
        String redisUrl = infra.endpoints().redisUrl();
        RedisClient client = RedisClient.create(redisUrl);
        try (var connection = client.connect(); TestStack stack = TestStack.start(ns, redisUrl, redisUrl, Map.of())) {
            var writer = new RedisSessionRevocationWriter(connection, new RedisKeys(ns.redisKeyPrefix()), Clock.systemUTC());
            String token = sessionToken("driver", 61L, "driver-session");
            URI live = URI.create(stack.api.url().toString().replace("http", "ws") + "/api/drivers/61/live");
            try (LiveClient socket = LiveClient.connect(stack.http(), live, token, true);
                 LiveClient other = LiveClient.connect(stack.http(), live, sessionToken("driver", 61L, "other-session"), true)) {
                assertThat(socket.next(WAIT).get("type").asText()).isEqualTo("hello");
                assertThat(other.next(WAIT).get("type").asText()).isEqualTo("hello");

                writer.revoked(revocation(3, "driver-session"));

                JsonNode closing = socket.next(WAIT);
                assertThat(closing.get("type").asText()).isEqualTo("closing");
                assertThat(closing.get("reason").asText()).contains("session revoked");
                assertThat(socket.closed.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1008);
                assertThat(other.closed).as("another session's feed stays open").isNotDone();
            }
        } finally {
            client.shutdown();
        }
    }

    @Test
    void shouldReloadTheRevocationsItMayHaveMissedAfterReconnecting(Infrastructure infra, TestNamespace ns) throws Exception {
        String redisUrl = infra.endpoints().redisUrl();
        RedisClient client = RedisClient.create(redisUrl);
        RedisKeys keys = new RedisKeys(ns.redisKeyPrefix());
        try (var connection = client.connect(); TestStack stack = TestStack.start(ns, redisUrl, redisUrl, Map.of())) {
            var writer = new RedisSessionRevocationWriter(connection, keys, Clock.systemUTC());
            writer.revoked(revocation(4, "heard"));
            String heard = sessionToken("admin", null, "heard");
            await().atMost(WAIT).until(() -> stack.get("/api/restaurants/1/orders", heard).statusCode() == 401);

            // A revocation whose message this instance never got (it was disconnected when it was published).
            long expires = Instant.now().plus(Duration.ofMinutes(15)).toEpochMilli();
            connection.sync().set(keys.revokedSession("missed"), Long.toString(expires));
            String missed = sessionToken("admin", null, "missed");
            assertThat(stack.get("/api/restaurants/1/orders", missed).statusCode()).isNotEqualTo(401);

            connection.sync().clientKill(io.lettuce.core.KillArgs.Builder.typePubsub()); // the subscription drops
            await().atMost(WAIT).until(() -> stack.get("/api/restaurants/1/orders", missed).statusCode() == 401);
        } finally {
            client.shutdown();
        }
    }
}
