package ge.dms.projection.orderview.redis;

import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.projection.Views;
import ge.dms.projection.orderview.HopTrace;
import ge.dms.schemas.view.RedisKeys;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Views sent without waiting are all applied, in order, once settled: the guarantee the commit relies on. */
@WithDevStack
class PipelinedRedisSinkIT {

    private TestRedis test;
    private RedisCommands<String, String> redis;
    private RedisKeys keys;
    private PipelinedRedisSink sink;

    @BeforeEach
    void connect(Infrastructure infra, TestNamespace ns) {
        test = new TestRedis(infra, ns);
        redis = test.redis;
        keys = test.keys;
        sink = new PipelinedRedisSink(new RedisOrderViewWriter(test.connection, keys, 1000), Duration.ofSeconds(5));
    }

    @AfterEach
    void disconnect() {
        test.close();
    }

    @Test
    void shouldApplyEveryViewSentInOrderOnceSettled() {
        for (long version = 2; version <= 40; version++) {
            for (long order = 1; order <= 5; order++) {
                sink.write(Views.view(order, version, 100 + version, version % 2 == 0 ? "confirmed" : "preparing", "R", 3L),
                        new HopTrace(1, 2, 3));
            }
        }
        sink.settle();

        assertThat(sink.inFlight()).isZero();
        for (long order = 1; order <= 5; order++) {
            assertThat(redis.hget(keys.order(order), "version")).isEqualTo("40");
        }
        assertThat(redis.xlen(keys.driverChanges(3))).as("every version applied, none skipped or reordered").isEqualTo(39 * 5);
    }

    @Test
    void shouldWriteAgainWhatFailedInThePipelineBeforeTheCommitGoesOn() {
        redis.scriptFlush(); // the pipelined EVALSHA now fails with NOSCRIPT, as after a Redis restart
        sink.write(Views.view(7, 3, 100, "confirmed", "R", 3L));
        sink.write(Views.view(7, 4, 101, "preparing", "R", 3L));

        sink.settle();

        assertThat(redis.hget(keys.order(7), "version")).isEqualTo("4");
        assertThat(redis.hget(keys.order(7), "status")).isEqualTo("preparing");
    }
}
