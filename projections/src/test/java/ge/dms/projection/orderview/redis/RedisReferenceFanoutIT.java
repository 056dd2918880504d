package ge.dms.projection.orderview.redis;

import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.projection.Views;
import ge.dms.projection.orderview.HopTrace;
import ge.dms.projection.orderview.OrderViews;
import ge.dms.projection.source.DriverRow;
import ge.dms.projection.source.RestaurantRow;
import ge.dms.schemas.serde.Json;
import ge.dms.schemas.view.OrderView;
import ge.dms.schemas.view.RedisKeys;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The rename hot path against a real Redis: views patched through the same compare-and-set, drivers told. */
@WithDevStack
class RedisReferenceFanoutIT {

    private TestRedis test;
    private RedisCommands<String, String> redis;
    private RedisKeys keys;
    private RedisOrderViewWriter writer;
    private RedisReferenceFanout fanout;

    @BeforeEach
    void connect(Infrastructure infra, TestNamespace ns) {
        test = new TestRedis(infra, ns);
        redis = test.redis;
        keys = test.keys;
        writer = new RedisOrderViewWriter(test.connection, keys, 100);
        fanout = new RedisReferenceFanout(test.client.connect(), keys, 100);
    }

    @AfterEach
    void disconnect() {
        fanout.close();
        test.close();
    }

    @Test
    void shouldShowARenamedDriverInEveryActiveViewOfHisAndTellHisSocket() throws Exception {
        writer.apply(Views.view(1, 3, 100, "confirmed", "R", 3L));
        writer.apply(Views.view(2, 4, 110, "ready", "R", 3L));
        writer.apply(Views.view(5, 3, 120, "confirmed", "R", 4L));
        long entriesBefore = redis.xlen(keys.driverChanges(3));

        fanout.driverChanged(new DriverRow(3, "გიორგი (new van)", "+995599", "Sprinter", 500, Instant.parse("2026-11-22T09:00:00Z")));

        await().atMost(Duration.ofSeconds(10)).until(() -> view(2).driver().name().equals("გიორგი (new van)"));
        assertThat(view(1).driver().name()).isEqualTo("გიორგი (new van)");
        assertThat(view(1).driverLsn()).isEqualTo(500);
        assertThat(view(1).version()).as("the order itself did not change").isEqualTo(3);
        assertThat(view(5).driver().name()).as("another driver's order").isEqualTo("Driver 4");
        List<StreamMessage<String, String>> changes = redis.xrange(keys.driverChanges(3), Range.create("-", "+"));
        assertThat(changes).hasSize((int) entriesBefore + 2);
        assertThat(changes.getLast().getBody()).containsEntry("change", "upsert").containsKey("view");
    }

    @Test
    void shouldLeaveViewsAloneWhenTheyAlreadyHoldThatDriverRowOrANewerOne() throws Exception {
        writer.apply(Views.view(1, 3, 100, "confirmed", "R", 3L));
        DriverRow renamed = new DriverRow(3, "Renamed", "+995599", "van", 500, Instant.parse("2026-11-22T09:00:00Z"));
        assertThat(fanout.patch("driver", 3, keys.driverActive(3), v -> OrderViews.withDriver(v, renamed))).isEqualTo(1);
        long entries = redis.xlen(keys.driverChanges(3));

        DriverRow older = new DriverRow(3, "Older name", "+995599", "van", 400, Instant.parse("2026-11-22T08:30:00Z"));
        assertThat(fanout.patch("driver", 3, keys.driverActive(3), v -> OrderViews.withDriver(v, older))).isZero();
        assertThat(fanout.patch("driver", 3, keys.driverActive(3), v -> OrderViews.withDriver(v, renamed))).isZero();

        assertThat(view(1).driver().name()).isEqualTo("Renamed");
        assertThat(redis.xlen(keys.driverChanges(3))).as("nothing more told to the driver").isEqualTo(entries);
    }

    @Test
    void shouldRenameARestaurantInEachOfItsViews() throws Exception {
        writer.apply(Views.view(1, 3, 100, "confirmed", "ხაჭაპური House", 3L));
        writer.apply(Views.view(2, 7, 110, "delivered", "ხაჭაპური House", null));

        fanout.restaurantChanged(new RestaurantRow(7, "ხაჭაპური Palace", "ჭავჭავაძის 10", "თბილისი", "+995555000007", 900,
                Instant.parse("2026-11-22T09:00:00Z")));

        await().atMost(Duration.ofSeconds(10)).until(() -> view(1).restaurant().name().equals("ხაჭაპური Palace")
                && view(2).restaurant().name().equals("ხაჭაპური Palace"));
        assertThat(view(2).restaurantLsn()).isEqualTo(900);
        assertThat(redis.hget(keys.restaurantBoard(7), "1")).contains("ხაჭაპური Palace");
    }

    @Test
    void shouldCarryTheHopTraceInTheDriversChangeEntry() {
        writer.apply(Views.view(1, 3, 100, "confirmed", "R", 3L), new HopTrace(1000, 1005, 1007));

        List<StreamMessage<String, String>> changes = redis.xrange(keys.driverChanges(3), Range.create("-", "+"));
        assertThat(changes.getLast().getBody()).containsEntry("trace", "1000,1005,1007");
        writer.apply(Views.view(1, 4, 101, "preparing", "R", 3L));
        assertThat(redis.xrange(keys.driverChanges(3), Range.create("-", "+")).getLast().getBody()).doesNotContainKey("trace");
    }

    private OrderView view(long orderId) throws Exception {
        return Json.mapper().readValue(redis.hget(keys.order(orderId), "json"), OrderView.class);
    }
}
