package ge.dms.projection.orderview.redis;

import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.projection.Views;
import ge.dms.schemas.ProjectionTopics;
import ge.dms.schemas.Topic;
import ge.dms.schemas.view.OrderView;
import io.lettuce.core.Range;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An emptied Redis filled again from the view topic: every view back, no stream entry, a newer held view kept. */
@WithDevStack
class RedisViewRefillIT {

    private TestRedis test;
    private Topic<Long, OrderView> topic;
    private String bootstrap;
    private RedisOrderViewWriter writer;

    @BeforeEach
    void setUp(Infrastructure infra, TestNamespace ns) throws Exception {
        test = new TestRedis(infra, ns);
        bootstrap = infra.endpoints().kafkaBootstrap();
        topic = new Topic<>(ns.topic("order-views"), ProjectionTopics.ORDER_VIEWS.keySerde(), ProjectionTopics.ORDER_VIEWS.valueSerde());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic.name(), 2, (short) 1))).all().get();
        }
        writer = new RedisOrderViewWriter(test.connection, test.keys, 100);
    }

    @AfterEach
    void tearDown() {
        test.close();
    }

    @Test
    void shouldPutEveryViewBackWithoutAStreamEntry() throws Exception {
        publish(Views.view(1, 2, 100, "confirmed", "R", 3L), Views.view(2, 4, 200, "preparing", "R", 3L),
                Views.view(1, 3, 150, "confirmed", "R", 3L));

        long applied = refill().refillIfEmptied();

        assertThat(applied).as("views applied: order 1 twice (versions 2 then 3), order 2 once").isEqualTo(3);
        assertThat(test.redis.hget(test.keys.order(1), "version")).isEqualTo("3");
        assertThat(test.redis.hget(test.keys.order(2), "version")).isEqualTo("4");
        assertThat(test.redis.zrange(test.keys.restaurantOrders(7), 0, -1)).containsExactlyInAnyOrder("1", "2");
        assertThat(test.redis.zrange(test.keys.driverActive(3), 0, -1)).containsExactlyInAnyOrder("1", "2");
        assertThat(test.redis.xrange(test.keys.driverChanges(3), Range.create("-", "+"))).as("no change for a screen").isEmpty();
        assertThat(test.redis.xrange(test.keys.dispatchChanges(), Range.create("-", "+"))).isEmpty();
        assertThat(test.redis.get(test.keys.viewsFilled())).isEqualTo("1");
    }

    @Test
    void shouldDoNothingWhileTheMarkerIsThereAndFillAgainOnceItIsGone() throws Exception {
        publish(Views.view(1, 2, 100, "confirmed", "R", 3L));
        RedisViewRefill refill = refill();
        refill.refillIfEmptied();
        test.redis.del(test.keys.order(1), test.keys.viewsFilled()); // as a Redis restarted without its data

        assertThat(refill.refillIfEmptied()).isEqualTo(1);
        assertThat(refill.refillIfEmptied()).as("marker set: nothing to do").isEqualTo(-1);
        assertThat(test.redis.hget(test.keys.order(1), "version")).isEqualTo("2");
    }

    @Test
    void shouldNotSetTheMarkerWhenRedisWasEmptiedWhileItFilled() throws Exception {
        publish(Views.view(1, 2, 100, "confirmed", "R", 3L));
        RedisViewRefill refill = refill();
        test.redis.set(test.keys.viewsFilled(), "1");
        refill.refillIfEmptied(); // nothing: the marker is there
        test.redis.del(test.keys.viewsFilled());
        // As if Redis was emptied between the refill's start and its end: the in-progress key is gone at the end.
        var filling = new RedisViewRefill(bootstrap, List.of(new RedisViewRefill.Part<Long, OrderView>(topic, view -> {
            test.redis.del(test.keys.viewsFilling());
            return writer.refill(view);
        })), test.redis, test.keys);

        filling.refillIfEmptied();

        assertThat(test.redis.exists(test.keys.viewsFilled())).as("marker not set: filled again next time").isZero();
        assertThat(refill.refillIfEmptied()).as("the next check fills again (the view is there already)").isZero();
        assertThat(test.redis.get(test.keys.viewsFilled())).isEqualTo("1");
    }

    @Test
    void shouldKeepANewerViewTheLivePathWroteMeanwhile() throws Exception {
        publish(Views.view(1, 2, 100, "confirmed", "R", 3L));
        writer.apply(Views.view(1, 5, 500, "ready", "R", 3L));

        assertThat(refill().refillIfEmptied()).isZero();
        assertThat(test.redis.hget(test.keys.order(1), "version")).isEqualTo("5");
    }

    @Test
    void shouldNoticeAnEmptiedRedisOnItsOwn() throws Exception {
        publish(Views.view(9, 2, 100, "confirmed", "R", 3L));
        try (RedisViewRefill ignored = refill().start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> test.redis.exists(test.keys.viewsFilled()) == 1);
            assertThat(test.redis.hget(test.keys.order(9), "version")).isEqualTo("2");
            test.redis.del(test.keys.order(9), test.keys.viewsFilled());
            await().atMost(Duration.ofSeconds(60)).until(() -> "2".equals(test.redis.hget(test.keys.order(9), "version")));
        }
    }

    @Test
    void shouldGiveALiveWriteOfARefilledVersionItsStreamEntry() throws Exception {
        publish(Views.view(1, 2, 100, "confirmed", "R", 3L));
        refill().refillIfEmptied();

        // The hot path had this write in flight when Redis was emptied: its message must still reach the driver.
        assertThat(writer.apply(Views.view(1, 2, 100, "confirmed", "R", 3L))).isTrue();
        assertThat(writer.apply(Views.view(1, 2, 100, "confirmed", "R", 3L))).as("a second time: nothing").isFalse();
        assertThat(test.redis.xrange(test.keys.driverChanges(3), Range.create("-", "+"))).hasSize(1);
    }

    @Test
    void shouldGoOnReadingWhatIsCommittedJustAfterItsFirstPass() throws Exception {
        publish(Views.view(1, 2, 100, "confirmed", "R", 3L));
        var refill = new RedisViewRefill(bootstrap, List.of(new RedisViewRefill.Part<>(topic, writer::refill, Duration.ofSeconds(20))),
                test.redis, test.keys);
        Thread later = Thread.ofVirtual().start(() -> {
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> test.redis.hget(test.keys.order(1), "version") != null);
                publish(Views.view(1, 3, 200, "preparing", "R", 3L));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        refill.refillIfEmptied();
        later.join();

        assertThat(test.redis.hget(test.keys.order(1), "version")).isEqualTo("3");
    }

    private RedisViewRefill refill() {
        return new RedisViewRefill(bootstrap, List.of(new RedisViewRefill.Part<>(topic, writer::refill)), test.redis, test.keys);
    }

    private void publish(OrderView... views) throws Exception {
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<Long, OrderView> producer = new KafkaProducer<>(settings, topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            for (OrderView view : views) {
                producer.send(new ProducerRecord<>(topic.name(), view.orderId(), view)).get();
            }
        }
    }
}
