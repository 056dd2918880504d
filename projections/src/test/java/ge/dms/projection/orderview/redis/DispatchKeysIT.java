package ge.dms.projection.orderview.redis;

import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.projection.Views;
import ge.dms.schemas.serde.Json;
import ge.dms.schemas.view.BoardRow;
import ge.dms.schemas.view.RedisKeys;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the order view script keeps for the dispatcher queue and the live boards: the open orders' status and
 * unassigned indexes and rows across restaurants, moved and dropped with the view, and one entry per applied view
 * in the restaurant's and the dispatcher's change streams (none for a replay).
 */
@WithDevStack
class DispatchKeysIT {

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
    void shouldKeepTheOpenOrdersInTheDispatcherIndexesWhileTheyMove() throws Exception {
        writer.apply(Views.view(1, 1, 100, "pending", "ხაჭაპური House", null));
        assertThat(redis.zrange(keys.dispatchStatus("pending"), 0, -1)).containsExactly("1");
        assertThat(redis.zrange(keys.dispatchUnassigned("pending"), 0, -1)).containsExactly("1");
        assertThat(redis.zscore(keys.dispatchStatus("pending"), "1")).isEqualTo((double) Views.CREATED.plusSeconds(1).toEpochMilli());

        writer.apply(Views.view(1, 2, 110, "ready", "ხაჭაპური House", null));
        assertThat(redis.zcard(keys.dispatchStatus("pending"))).isZero();
        assertThat(redis.zcard(keys.dispatchUnassigned("pending"))).isZero();
        assertThat(redis.zrange(keys.dispatchUnassigned("ready"), 0, -1)).containsExactly("1");

        writer.apply(Views.view(1, 3, 120, "ready", "ხაჭაპური House", 4L)); // a driver: no longer unassigned
        assertThat(redis.zrange(keys.dispatchStatus("ready"), 0, -1)).containsExactly("1");
        assertThat(redis.zcard(keys.dispatchUnassigned("ready"))).isZero();
        String row = redis.hget(keys.dispatchBoard(), "1");
        assertThat(BoardRow.Stored.decode(row).status()).isEqualTo("ready");
        assertThat(Json.mapper().readTree(BoardRow.Stored.decode(row).json()).get("driverId").asLong()).isEqualTo(4);

        writer.apply(Views.view(1, 4, 130, "delivered", "ხაჭაპური House", 4L)); // finished: out of the Redis queue
        assertThat(redis.zcard(keys.dispatchStatus("ready"))).isZero();
        assertThat(redis.exists(keys.dispatchStatus("delivered"))).isZero();
        assertThat(redis.hexists(keys.dispatchBoard(), "1")).isFalse();
    }

    @Test
    void shouldAppendOneEntryPerAppliedViewToTheRestaurantAndDispatcherStreams() throws Exception {
        writer.apply(Views.view(2, 1, 100, "pending", "ხაჭაპური House", null));
        writer.apply(Views.view(2, 2, 110, "confirmed", "ხაჭაპური House", 3L));
        assertThat(writer.apply(Views.view(2, 2, 110, "confirmed", "ხაჭაპური House", 3L))).isFalse(); // replay: nothing

        List<StreamMessage<String, String>> board = redis.xrange(keys.restaurantChanges(7), Range.create("-", "+"));
        assertThat(board).extracting(m -> m.getBody().get("version")).containsExactly("1", "2");
        assertThat(board.getLast().getBody().get("status")).isEqualTo("confirmed");
        assertThat(board.getLast().getBody().get("change")).isEqualTo("upsert");
        assertThat(Json.mapper().readValue(board.getLast().getBody().get("row"), BoardRow.class))
                .isEqualTo(BoardRow.of(Views.view(2, 2, 110, "confirmed", "ხაჭაპური House", 3L)));
        assertThat(board.getLast().getBody()).doesNotContainKey("view"); // the board row only, not the whole order

        List<StreamMessage<String, String>> dispatch = redis.xrange(keys.dispatchChanges(), Range.create("-", "+"));
        assertThat(dispatch).extracting(m -> m.getBody().get("row")).containsExactlyElementsOf(
                board.stream().map(m -> m.getBody().get("row")).toList());
    }
}
