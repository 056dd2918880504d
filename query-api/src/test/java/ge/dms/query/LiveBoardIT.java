package ge.dms.query;

import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.query.support.EventStreamClient;
import ge.dms.query.support.EventStreamClient.Message;
import ge.dms.query.support.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static ge.dms.query.support.TestStack.token;
import static ge.dms.query.support.TestViews.BASE;
import static ge.dms.query.support.TestViews.view;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live boards over SSE, fed by the projections' Redis writer (one XADD to the restaurant's and one to the
 * dispatcher's stream per applied view): a restaurant gets its own orders' changes only, resumes with
 * {@code Last-Event-ID} without gap or duplicate, is told to resync when its cursor was trimmed; the dispatcher
 * feed carries every restaurant's changes, for admins only.
 */
@WithDevStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveBoardIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private TestStack stack;

    @BeforeAll
    void start(Infrastructure infra, TestNamespace ns) {
        String redis = infra.endpoints().redisUrl();
        stack = TestStack.start(ns, redis, redis, Map.of());
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    private URI board(long restaurantId) {
        return stack.uri("/api/restaurants/" + restaurantId + "/board/events");
    }

    @Test
    void shouldDeliverTheRestaurantsOwnOrdersChangesOnly() throws Exception {
        try (EventStreamClient feed = EventStreamClient.connect(stack.http(), board(71), token("restaurant", 71L), null)) {
            assertThat(feed.status()).isEqualTo(200);
            Message hello = feed.next(WAIT);
            assertThat(hello.event()).isEqualTo("hello");
            assertThat(hello.data().get("restaurantId").asLong()).isEqualTo(71);

            stack.redisWriter().apply(view(7201, 1, "pending", 72, null, BASE)); // another restaurant's: never here
            stack.redisWriter().apply(view(7101, 1, "pending", 71, null, BASE));
            stack.redisWriter().apply(view(7202, 2, "confirmed", 72, null, BASE));
            stack.redisWriter().apply(view(7101, 2, "confirmed", 71, 5L, BASE));

            List<Message> changes = feed.changes(2, WAIT);
            assertThat(changes).extracting(m -> m.data().get("orderId").asLong()).containsExactly(7101L, 7101L);
            assertThat(changes).extracting(m -> m.data().get("status").asText()).containsExactly("pending", "confirmed");
            Message last = changes.getLast();
            assertThat(last.id()).isEqualTo(last.data().get("cursor").asText());
            assertThat(last.data().get("row").get("restaurantId").asLong()).isEqualTo(71);
            assertThat(last.data().get("row").get("driverName").asText()).isEqualTo("მძღოლი 5");
            assertThat(last.data().get("row").has("items")).isFalse();
            assertThat(last.data().get("commitMs").asLong()).isPositive();
        }
    }

    @Test
    void shouldResumeFromLastEventIdWithoutGapOrDuplicate() throws Exception {
        String lastSeen;
        try (EventStreamClient feed = EventStreamClient.connect(stack.http(), board(73), token("restaurant", 73L), null)) {
            feed.next(WAIT); // hello
            stack.redisWriter().apply(view(7301, 1, "pending", 73, null, BASE));
            lastSeen = feed.changes(1, WAIT).getFirst().id();
        }
        // Away: five changes.
        for (int v = 2; v <= 6; v++) {
            stack.redisWriter().apply(view(7301, v, v % 2 == 0 ? "confirmed" : "preparing", 73, null, BASE));
        }
        try (EventStreamClient back = EventStreamClient.connect(stack.http(), board(73), token("admin", null), lastSeen)) {
            assertThat(back.status()).isEqualTo(200);
            assertThat(back.next(WAIT).event()).isEqualTo("hello");
            List<Message> missed = back.changes(5, WAIT);
            assertThat(missed).extracting(m -> m.data().get("version").asLong()).containsExactly(2L, 3L, 4L, 5L, 6L);

            stack.redisWriter().apply(view(7301, 7, "ready", 73, null, BASE)); // then live, right after the replay
            assertThat(back.changes(1, WAIT).getFirst().data().get("version").asLong()).isEqualTo(7);
        }
    }

    @Test
    void shouldTellAClientWhoseCursorWasTrimmedToReloadTheBoard() throws Exception {
        stack.redisWriter().apply(view(7401, 1, "pending", 74, null, BASE));
        String oldest = stack.redis().sync().xrange(stack.keys.restaurantChanges(74), io.lettuce.core.Range.create("-", "+"))
                .getFirst().getId();
        stack.redisWriter().apply(view(7401, 2, "confirmed", 74, null, BASE));
        stack.redis().sync().xtrim(stack.keys.restaurantChanges(74), 1); // as MAXLEN trims a long-gone client's history

        try (EventStreamClient back = EventStreamClient.connect(stack.http(), board(74), token("restaurant", 74L), oldest)) {
            assertThat(back.next(WAIT).event()).isEqualTo("hello");
            Message resync = back.next(WAIT);
            assertThat(resync.event()).isEqualTo("resync");
            assertThat(resync.data().get("reason").asText()).contains("/api/restaurants/74/orders");
            assertThat(back.changes(1, WAIT).getFirst().data().get("version").asLong()).isEqualTo(2);
        }
    }

    @Test
    void shouldDeliverEveryRestaurantsChangesToTheDispatcher() throws Exception {
        try (EventStreamClient feed = EventStreamClient.connect(stack.http(), stack.uri("/api/dispatch/events"),
                token("admin", null), null)) {
            assertThat(feed.status()).isEqualTo(200);
            assertThat(feed.next(WAIT).data().get("feed").asText()).isEqualTo("dispatch");

            stack.redisWriter().apply(view(7501, 1, "pending", 75, null, BASE));
            stack.redisWriter().apply(view(7601, 1, "pending", 76, null, BASE));

            List<Message> changes = feed.changes(2, WAIT);
            assertThat(changes).extracting(m -> m.data().get("row").get("restaurantId").asLong()).containsExactly(75L, 76L);
        }
    }

    @Test
    void shouldRefuseOtherRestaurantsAndBadCursors() throws Exception {
        try (EventStreamClient other = EventStreamClient.connect(stack.http(), board(77), token("restaurant", 78L), null);
             EventStreamClient driver = EventStreamClient.connect(stack.http(), board(77), token("driver", 77L), null);
             EventStreamClient anonymous = EventStreamClient.connect(stack.http(), board(77), null, null);
             EventStreamClient badCursor = EventStreamClient.connect(stack.http(), board(77), token("restaurant", 77L), "nope");
             EventStreamClient dispatch = EventStreamClient.connect(stack.http(), stack.uri("/api/dispatch/events"),
                     token("restaurant", 77L), null)) {
            assertThat(other.status()).isEqualTo(403);
            assertThat(driver.status()).isEqualTo(403);
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(badCursor.status()).isEqualTo(400);
            assertThat(dispatch.status()).isEqualTo(403);
        }
    }
}
