package ge.dms.projection.session;

import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.projection.source.SessionRevocationRow;
import ge.dms.schemas.view.RedisKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Revoked sessions in a real Redis: the key expires with the session's last token, and the channel hears of it. */
@WithDevStack
class RedisSessionRevocationWriterIT {

    @Test
    void shouldWriteAnExpiringKeyAndPublishIt(Infrastructure infra, TestNamespace ns) {
        RedisClient client = RedisClient.create(infra.endpoints().redisUrl());
        RedisKeys keys = new RedisKeys(ns.redisKeyPrefix());
        try (var connection = client.connect(); var listener = client.connectPubSub()) {
            List<String> heard = new CopyOnWriteArrayList<>();
            listener.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    heard.add(message);
                }
            });
            listener.sync().subscribe(keys.sessionRevocationsChannel());
            var writer = new RedisSessionRevocationWriter(connection, keys, Clock.systemUTC());
            Instant expires = Instant.now().plus(Duration.ofMinutes(15));

            writer.revoked(new SessionRevocationRow(1, "sid-1", Instant.now(), expires, 10));
            writer.revoked(new SessionRevocationRow(1, "sid-1", Instant.now(), expires, 10)); // a replay
            writer.revoked(new SessionRevocationRow(2, "sid-old", Instant.now(), Instant.now().minusSeconds(1), 11));

            var redis = connection.sync();
            assertThat(redis.get(keys.revokedSession("sid-1"))).isEqualTo(Long.toString(expires.toEpochMilli()));
            // Redis 6.2 has no PEXPIRETIME: the time left must end at the expiry (within the test's own run time).
            assertThat(redis.pttl(keys.revokedSession("sid-1"))).isBetween(Duration.ofMinutes(14).toMillis(), Duration.ofMinutes(15).toMillis());
            assertThat(redis.exists(keys.revokedSession("sid-old"))).as("already expired: skipped").isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 2);
            assertThat(heard).containsOnly("sid-1|" + expires.toEpochMilli());
        } finally {
            client.shutdown();
        }
    }
}
