package ge.dms.projection.orderview.redis;

import ge.dms.devstack.infra.DataDirectory;
import ge.dms.devstack.infra.EmbeddedRedisServer;
import ge.dms.projection.Views;
import ge.dms.schemas.view.RedisKeys;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The hot path's pipelined writes across a Redis restarted without its data (a server of this test's own). */
class RedisRestartIT {

    private EmbeddedRedisServer server;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private RedisCommands<String, String> redis;
    private final RedisKeys keys = new RedisKeys("restart:");

    @BeforeEach
    void start() {
        server = EmbeddedRedisServer.start(DataDirectory.temporary("redis-restart-it"));
        RedisURI uri = RedisURI.create(server.url());
        uri.setTimeout(Duration.ofSeconds(5));
        client = RedisClient.create(uri);
        connection = client.connect();
        redis = connection.sync();
    }

    @AfterEach
    void stop() {
        connection.close();
        client.shutdown();
        server.close();
    }

    @Test
    void shouldApplyAViewSentAfterRedisCameBackEmpty() {
        PipelinedRedisSink sink = new PipelinedRedisSink(new RedisOrderViewWriter(connection, keys, 100), Duration.ofSeconds(5));
        sink.write(Views.view(1, 2, 100, "confirmed", "R", 3L));
        sink.settle();
        server.stop(false);
        server.restart();

        sink.write(Views.view(1, 3, 200, "preparing", "R", 3L));
        sink.settle();

        assertThat(redis.hget(keys.order(1), "version")).isEqualTo("3");
        assertThat(redis.xrange(keys.driverChanges(3), Range.create("-", "+"))).hasSize(1);
    }

    @Test
    void shouldApplyEveryViewSentDuringAnOutageOfSeconds() throws Exception {
        PipelinedRedisSink sink = new PipelinedRedisSink(new RedisOrderViewWriter(connection, keys, 100), Duration.ofSeconds(5));
        sink.write(Views.view(1, 1, 100, "confirmed", "R", 3L));
        sink.settle();
        server.stop(false);
        // The pauses pace the writes across an outage of about three seconds (the fault under test is its length);
        // nothing waits on them for a result: settle() below is the wait.
        for (int v = 2; v <= 20; v++) {
            sink.write(Views.view(v, v, 100L * v, "confirmed", "R", 3L));
            Thread.sleep(150);
        }
        server.restart();
        for (int v = 21; v <= 30; v++) {
            sink.write(Views.view(v, v, 100L * v, "confirmed", "R", 3L));
            Thread.sleep(100);
        }

        sink.settle();

        for (int v = 2; v <= 30; v++) {
            assertThat(redis.hget(keys.order(v), "version")).as("order " + v).isEqualTo(Integer.toString(v));
        }
        assertThat(redis.xrange(keys.driverChanges(3), Range.create("-", "+"))).hasSize(29);
    }

    @Test
    void shouldApplyAViewSentWhileRedisWasDown() throws Exception {
        PipelinedRedisSink sink = new PipelinedRedisSink(new RedisOrderViewWriter(connection, keys, 100), Duration.ofSeconds(5));
        sink.write(Views.view(1, 2, 100, "confirmed", "R", 3L));
        sink.settle();
        server.stop(false);
        sink.write(Views.view(1, 3, 200, "preparing", "R", 3L)); // buffered by Lettuce while disconnected
        server.restart();

        sink.settle();

        assertThat(redis.hget(keys.order(1), "version")).isEqualTo("3");
        assertThat(redis.xrange(keys.driverChanges(3), Range.create("-", "+"))).hasSize(1);
    }
}
