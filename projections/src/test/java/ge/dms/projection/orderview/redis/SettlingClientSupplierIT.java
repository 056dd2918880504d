package ge.dms.projection.orderview.redis;

import ge.dms.devstack.infra.DataDirectory;
import ge.dms.devstack.infra.EmbeddedRedisServer;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.projection.Views;
import ge.dms.schemas.view.RedisKeys;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The order view application's producer settles the committing thread's pipelined Redis writes before the
 * transaction commits: a write that failed while Redis restarted empty is applied (with its stream entry) before the
 * commit, and a commit while Redis stays away fails. A Redis of this test's own, the devstack's Kafka.
 */
@WithDevStack
class SettlingClientSupplierIT {

    private EmbeddedRedisServer server;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private final RedisKeys keys = new RedisKeys("settle:");
    private final PendingSinks pending = new PendingSinks();
    private PipelinedRedisSink sink;
    private Producer<byte[], byte[]> producer;

    @BeforeEach
    void start(Infrastructure infra, TestNamespace ns) {
        server = EmbeddedRedisServer.start(DataDirectory.temporary("settle-it"));
        RedisURI uri = RedisURI.create(server.url());
        uri.setTimeout(Duration.ofSeconds(1)); // a Redis that stays away fails the commit within seconds
        client = RedisClient.create(uri);
        connection = client.connect();
        sink = new PipelinedRedisSink(new RedisOrderViewWriter(connection, keys, 100), Duration.ofSeconds(1));
        pending.register(sink);
        producer = new SettlingClientSupplier(pending).getProducer(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.endpoints().kafkaBootstrap(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, ns.applicationId("settle")));
        producer.initTransactions();
    }

    @AfterEach
    void stop() {
        producer.close(Duration.ofSeconds(5));
        pending.deregister(sink);
        connection.close();
        client.shutdown();
        server.close();
    }

    @Test
    void shouldApplyAWriteThatFailedDuringAnEmptyRestartBeforeTheTransactionCommits() {
        producer.beginTransaction();
        sink.write(Views.view(1, 2, 100, "confirmed", "R", 3L));
        sink.settle(); // applied on the Redis that is then emptied
        server.stop(false);
        sink.write(Views.view(1, 3, 200, "preparing", "R", 3L)); // buffered while Redis is away
        server.restart(); // empty: it knows no script, so the pipelined write fails with NOSCRIPT

        producer.commitTransaction();

        var redis = connection.sync();
        assertThat(redis.hget(keys.order(1), "version")).isEqualTo("3");
        assertThat(redis.xrange(keys.driverChanges(3), Range.create("-", "+"))).extracting(m -> m.getBody().get("version"))
                .containsExactly("3");
    }

    @Test
    void shouldFailTheCommitWhileRedisStaysAway() {
        producer.beginTransaction();
        server.stop(true);
        sink.write(Views.view(1, 2, 100, "confirmed", "R", 3L));

        assertThatThrownBy(producer::commitTransaction).as("nothing committed without its Redis write")
                .isInstanceOf(RuntimeException.class);
        server.restart();
    }
}
