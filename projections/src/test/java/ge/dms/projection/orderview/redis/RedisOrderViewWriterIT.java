package ge.dms.projection.orderview.redis;

import ge.dms.schemas.view.RedisKeys;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.projection.Views;
import ge.dms.schemas.order.OrderStatus;
import ge.dms.schemas.serde.Json;
import ge.dms.schemas.view.BoardRow;
import ge.dms.schemas.view.OrderView;
import ge.dms.schemas.view.RestaurantRef;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@WithDevStack
class RedisOrderViewWriterIT {

    private TestRedis test;
    private RedisCommands<String, String> redis;
    private RedisKeys keys;
    private RedisOrderViewWriter writer;

    @BeforeEach
    void connect(Infrastructure infra, TestNamespace ns) {
        test = new TestRedis(infra, ns);
        redis = test.redis;
        keys = test.keys;
        writer = new RedisOrderViewWriter(test.connection, keys, 5);
    }

    @AfterEach
    void disconnect() {
        test.close();
    }

    @Test
    void shouldWriteTheViewAndItsIndexes() throws Exception {
        assertThat(writer.apply(Views.view(1, 2, 100, "confirmed", "ხაჭაპური House", 3L))).isTrue();

        OrderView held = Json.mapper().readValue(redis.hget(keys.order(1), "json"), OrderView.class);
        assertThat(held.restaurant().name()).isEqualTo("ხაჭაპური House");
        assertThat(redis.zrange(keys.restaurantOrders(7), 0, -1)).containsExactly("1");
        assertThat(redis.zrange(keys.restaurantStatus(7, "confirmed"), 0, -1)).containsExactly("1");
        assertThat(redis.zrange(keys.driverActive(3), 0, -1)).containsExactly("1");
        List<StreamMessage<String, String>> changes = redis.xrange(keys.driverChanges(3), io.lettuce.core.Range.create("-", "+"));
        assertThat(changes).hasSize(1);
        assertThat(changes.getFirst().getBody()).containsEntry("status", "confirmed").containsEntry("change", "upsert");
    }

    @Test
    void shouldNameTheRequestInEveryStreamEntryOfTheView() throws Exception {
        writer.apply(Views.byRequest(Views.view(1, 2, 100, "confirmed", "R", 3L), "assign-3"));
        writer.apply(Views.byRequest(Views.view(1, 3, 200, "confirmed", "R", 4L), "assign-4"));
        writer.apply(Views.view(1, 4, 300, "preparing", "R", 4L)); // written outside a request

        var all = io.lettuce.core.Range.<String>create("-", "+");
        assertThat(redis.xrange(keys.driverChanges(3), all)).extracting(m -> m.getBody().get("requestId"))
                .containsExactly("assign-3", "assign-4"); // the second: unassigned from driver 3 by that request
        assertThat(redis.xrange(keys.driverChanges(4), all)).extracting(m -> m.getBody().get("requestId"))
                .containsExactly("assign-4", null);
        assertThat(redis.xrange(keys.restaurantChanges(7), all)).extracting(m -> m.getBody().get("requestId"))
                .containsExactly("assign-3", "assign-4", null);
        assertThat(redis.xrange(keys.dispatchChanges(), all)).extracting(m -> m.getBody().get("requestId"))
                .containsExactly("assign-3", "assign-4", null);
        assertThat(Json.mapper().readValue(redis.xrange(keys.driverChanges(4), all).getFirst().getBody().get("view"), OrderView.class)
                .requestId()).isEqualTo("assign-4");
    }

    @Test
    void shouldWriteTheBoardRowWithTheView() {
        OrderView view = Views.view(1, 2, 100, "confirmed", "ხაჭაპური House", 3L);
        writer.apply(view);

        BoardRow.Stored row = boardRow(7, 1);
        assertThat(row.commitMillis()).isEqualTo(view.sourceCommitTime().toEpochMilli());
        assertThat(row.status()).isEqualTo("confirmed");
        assertThat(row.json()).isEqualTo(BoardRow.of(view).toJson()).contains("ხაჭაპური House", "Driver 3")
                .doesNotContain("items", "სულგუნი", "რუსთაველის");
    }

    @Test
    void shouldIgnoreOlderAndDuplicateViews() {
        OrderView v3 = Views.view(1, 3, 300, "preparing", "R", 3L);
        writer.apply(v3);

        assertThat(writer.apply(v3)).as("duplicate").isFalse();
        assertThat(writer.apply(Views.view(1, 2, 900, "confirmed", "R", 3L))).as("older version").isFalse();
        assertThat(redis.hget(keys.order(1), "status")).isEqualTo("preparing");
        assertThat(redis.xlen(keys.driverChanges(3))).isEqualTo(1);
        assertThat(writer.apply(Views.withRestaurantLsn(v3, "R renamed", 50))).as("rename, same version").isTrue();
        assertThat(redis.hget(keys.order(1), "json")).contains("R renamed");
        assertThat(boardRow(7, 1).json()).contains("R renamed").contains("\"status\":\"preparing\"");
    }

    @Test
    void shouldMoveBoardIndexesAndQueuesOnStatusAndDriverChanges() {
        writer.apply(Views.view(1, 2, 100, "confirmed", "R", 3L));
        writer.apply(Views.view(1, 3, 200, "ready", "R", 4L));

        assertThat(redis.zcard(keys.restaurantStatus(7, "confirmed"))).isZero();
        assertThat(redis.zrange(keys.restaurantStatus(7, "ready"), 0, -1)).containsExactly("1");
        assertThat(redis.zcard(keys.driverActive(3))).isZero();
        assertThat(redis.zrange(keys.driverActive(4), 0, -1)).containsExactly("1");
        assertThat(redis.xrange(keys.driverChanges(3), io.lettuce.core.Range.create("-", "+")).getLast().getBody())
                .containsEntry("change", "unassigned");

        writer.apply(Views.view(1, 4, 300, "cancelled", "R", 4L));
        assertThat(redis.zcard(keys.driverActive(4))).as("cancelled leaves the queue").isZero();
        assertThat(redis.zrange(keys.restaurantStatus(7, "cancelled"), 0, -1)).containsExactly("1");
        assertThat(boardRow(7, 1).status()).isEqualTo("cancelled");
    }

    @Test
    void shouldMoveTheBoardRowWhenTheOrderChangesRestaurant() {
        writer.apply(Views.view(1, 2, 100, "confirmed", "R", 3L));
        OrderView moved = toRestaurant8(Views.view(1, 3, 200, "confirmed", "R", 3L));

        assertThat(writer.apply(moved)).isTrue();

        assertThat(redis.hexists(keys.restaurantBoard(7), "1")).isFalse();
        assertThat(redis.zcard(keys.restaurantOrders(7))).isZero();
        assertThat(boardRow(8, 1).json()).isEqualTo(BoardRow.of(moved).toJson());
    }

    @Test
    void shouldWriteNoKeyButThoseRedisKeysNames() {
        writer.apply(Views.view(1, 2, 100, "confirmed", "R", 3L));
        writer.apply(Views.view(1, 3, 200, "ready", "R", 4L)); // another status and driver: the held keys are left
        writer.apply(toRestaurant8(Views.view(1, 4, 300, "out_for_delivery", "R", null))); // another restaurant, no driver

        Set<String> named = new HashSet<>(List.of(keys.order(1), keys.dispatchBoard(), keys.dispatchChanges()));
        for (long restaurant : List.of(7L, 8L)) {
            named.addAll(List.of(keys.restaurantOrders(restaurant), keys.restaurantBoard(restaurant), keys.restaurantChanges(restaurant)));
            OrderStatus.allValues().forEach(status -> named.add(keys.restaurantStatus(restaurant, status)));
        }
        OrderStatus.allValues().forEach(status -> named.addAll(List.of(keys.dispatchStatus(status), keys.dispatchUnassigned(status))));
        for (long driver : List.of(3L, 4L)) {
            named.addAll(List.of(keys.driverActive(driver), keys.driverChanges(driver)));
        }
        Set<String> written = new HashSet<>(redis.keys(keys.prefix() + "*"));

        assertThat(written).isSubsetOf(named).contains(keys.restaurantChanges(7), keys.restaurantOrders(8),
                keys.restaurantStatus(8, "out_for_delivery"), keys.dispatchStatus("out_for_delivery"),
                keys.dispatchUnassigned("out_for_delivery"), keys.driverChanges(4));
        assertThat(redis.xrange(keys.driverChanges(4), io.lettuce.core.Range.create("-", "+")).getLast().getBody())
                .as("unassigned from the held driver's stream").containsEntry("change", "unassigned");
        assertThat(redis.zcard(keys.restaurantStatus(7, "ready"))).as("left the held restaurant's status").isZero();
        assertThat(redis.zcard(keys.dispatchStatus("ready"))).as("left the held status's queue").isZero();
    }

    /** The same view, of restaurant 8 instead of 7. */
    private static OrderView toRestaurant8(OrderView v) {
        return new OrderView(v.schemaVersion(), v.orderId(), v.reference(), v.status(), 8,
                new RestaurantRef(8, "Other", null, null, null), v.driverId(), v.driver(), v.deliveryAddress(),
                v.requestedDeliveryAt(), v.notes(), v.totalAmount(), v.itemCount(), v.items(), v.version(),
                v.createdAt(), v.updatedAt(), null, null, null, null, null, v.sourceLsn(), 0, 0, v.sourceCommitTime());
    }

    private BoardRow.Stored boardRow(long restaurantId, long orderId) {
        String stored = redis.hget(keys.restaurantBoard(restaurantId), Long.toString(orderId));
        assertThat(stored).as("board row of order %d", orderId).isNotNull();
        return BoardRow.Stored.decode(stored);
    }

    @Test
    void shouldBoundTheDriverChangeStream() {
        for (int v = 1; v <= 200; v++) {
            writer.apply(Views.view(1, v, v, "confirmed", "R", 3L));
        }

        assertThat(redis.xlen(keys.driverChanges(3))).as("MAXLEN ~ 5 trims whole nodes").isLessThan(200);
    }

    @Test
    void shouldPutBackWithoutAStreamEntryWhatItPublishedBeforeRedisWasEmptied() throws Exception {
        var all = io.lettuce.core.Range.<String>create("-", "+");
        OrderView placed = Views.view(1, 2, 100, "confirmed", "R", 3L);
        OrderView moved = Views.view(1, 3, 200, "preparing", "R", 3L);
        writer.apply(placed);
        writer.applyAsync(moved, null).get(10, java.util.concurrent.TimeUnit.SECONDS);
        emptyRedis();

        // A transaction aborted by the outage is replayed: both views again, the first synchronously, the second pipelined.
        writer.apply(placed);
        writer.applyAsync(moved, null).get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(redis.hget(keys.order(1), "version")).isEqualTo("3");
        assertThat(redis.zrange(keys.driverActive(3), 0, -1)).containsExactly("1");
        assertThat(redis.xrange(keys.driverChanges(3), all)).as("the driver had both changes").isEmpty();
        assertThat(redis.xrange(keys.restaurantChanges(7), all)).isEmpty();
        assertThat(redis.xrange(keys.dispatchChanges(), all)).isEmpty();

        writer.apply(Views.withRestaurantLsn(moved, "R renamed", 300)); // a rename at the same version is a change
        writer.apply(Views.view(1, 4, 400, "ready", "R", 3L));
        assertThat(redis.xrange(keys.driverChanges(3), all)).extracting(m -> m.getBody().get("version"))
                .containsExactly("3", "4");
    }

    @Test
    void shouldPublishAgainWhatAnotherWriterPublished() {
        var all = io.lettuce.core.Range.<String>create("-", "+");
        OrderView placed = Views.view(1, 2, 100, "confirmed", "R", 3L);
        new RedisOrderViewWriter(test.connection, keys, 5).apply(placed);
        emptyRedis();

        writer.apply(placed); // this process never published it: it may be a screen's only copy of the change

        assertThat(redis.xrange(keys.driverChanges(3), all)).hasSize(1);
    }

    /** Every key of this test's namespace deleted: Redis as it comes back after a restart without its data. */
    private void emptyRedis() {
        assertThat(keys.prefix()).as("a test's own prefix").isNotEmpty();
        var names = redis.keys(keys.prefix() + "*");
        if (!names.isEmpty()) {
            redis.del(names.toArray(String[]::new));
        }
        assertThat(redis.exists(keys.order(1))).isZero();
    }
}
