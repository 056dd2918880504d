package ge.dms.query.board;

import ge.dms.query.http.ApiException;
import ge.dms.query.http.Params;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which store answers a board or dispatcher filter, and the filters that are refused. */
class BoardFilterTest {

    private static BoardFilter dispatch(String status, boolean unassigned, Long restaurant, Long driver) {
        return new BoardFilter(restaurant, status, null, null, driver, unassigned, null, 50);
    }

    @Test
    void shouldServeOneOpenStatusOfTheDispatcherQueueFromRedis() {
        assertThat(RedisBoard.serves(dispatch("pending", false, null, null))).isTrue();
        assertThat(RedisBoard.serves(dispatch("ready", true, null, null))).isTrue();
        assertThat(RedisBoard.serves(dispatch("out_for_delivery", false, null, null))).isTrue();
    }

    @Test
    void shouldServeEveryStatusFinishedOrdersAndDriversFromTheReadSide() {
        assertThat(RedisBoard.serves(dispatch(null, false, null, null))).isFalse();
        assertThat(RedisBoard.serves(dispatch(null, true, null, null))).isFalse();
        assertThat(RedisBoard.serves(dispatch("delivered", false, null, null))).isFalse();
        assertThat(RedisBoard.serves(dispatch("cancelled", true, null, null))).isFalse();
        assertThat(RedisBoard.serves(dispatch("ready", false, null, 4L))).isFalse();
        assertThat(RedisBoard.serves(dispatch("ready", true, 7L, null))).as("a restaurant has no unassigned index").isFalse();
    }

    @Test
    void shouldServeARestaurantsBoardFromRedisWithoutADriverFilter() {
        assertThat(RedisBoard.serves(new BoardFilter(7, null, null, null, null, null, 50))).isTrue();
        assertThat(RedisBoard.serves(new BoardFilter(7, "delivered", null, null, null, null, 50))).isTrue();
        assertThat(RedisBoard.serves(new BoardFilter(7, null, null, null, 4L, null, 50))).isFalse();
    }

    @Test
    void shouldRefuseUnknownStatusesUnassignedWithADriverAndBadFlags() {
        assertThatThrownBy(() -> dispatch("lost", false, null, null)).isInstanceOf(ApiException.class).hasMessageContaining("status");
        assertThatThrownBy(() -> dispatch("ready", true, null, 4L)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> Params.flag("unassigned", "yes")).isInstanceOf(ApiException.class);
        assertThat(Params.flag("unassigned", null)).isFalse();
        assertThat(Params.flag("unassigned", "true")).isTrue();
    }
}
