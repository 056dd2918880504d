package ge.dms.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.launcher.demo.DemoData;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.devstack.tokens.DevTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The screens' reads on the whole platform (the four services as their own JVMs, {@link SharedPlatform}), fed by
 * commands through the command API: the dispatcher queue pages 1,000 orders across restaurants without gap or
 * duplicate while they change; a restaurant's live board feed carries its own orders' changes only and resumes
 * after a dropped connection without gap; an order's history lists every transition with its actor, in order.
 */
@WithDevStack
@ExtendWith(SharedPlatform.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DispatchBoardIT {

    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final int ORDERS = 1000;

    private Platform platform;
    private CommandClient commands;
    private QueryClient query;
    private String admin;
    private List<Long> restaurants;
    private List<String> restaurantTokens;
    private long driverId;
    private String driverToken;
    private long productId;

    @BeforeAll
    void startPlatform(Infrastructure infrastructure, SharedPlatform shared) throws Exception {
        platform = shared.platform();
        DemoData.Summary demo = shared.demo();
        restaurants = demo.restaurantIds();
        restaurantTokens = restaurants.stream().map(id -> DevTokens.mint(shared.secret(), "restaurant", id)).toList();
        driverId = demo.driverIds().getFirst();
        driverToken = DevTokens.mint(shared.secret(), "driver", driverId);
        admin = DevTokens.mint(shared.secret(), "admin", null);
        productId = DemoProducts.anyActive(infrastructure.endpoints().writeDatabase());
        commands = new CommandClient(platform.commandApi());
        query = new QueryClient(platform.queryApi());
    }

    @Test
    void shouldPageTheDispatcherQueueAcrossRestaurantsWithoutGapOrDuplicateWhileOrdersChange() throws Exception {
        String from = Instant.now().minusSeconds(2).toString();
        Set<Long> mine = placeAcrossRestaurants(ORDERS);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(walk("/api/dispatch/orders?status=pending&limit=500&from=" + from, "redis", null)).containsAll(mine);
            assertThat(walk("/api/dispatch/orders?limit=500&from=" + from, "read-store", null)).containsAll(mine);
        });

        // "Pending to confirm" from Redis, confirming ten orders per page meanwhile (they leave this queue).
        List<Long> pending = new ArrayList<>(mine);
        java.util.Collections.shuffle(pending, new java.util.Random(16)); // confirmed ones fall behind and ahead of the cursor
        Set<Long> confirmed = ConcurrentHashMap.newKeySet();
        List<Long> seen = walk("/api/dispatch/orders?status=pending&limit=100&from=" + from, "redis",
                () -> confirm(pending, confirmed, 10));
        assertThat(seen).as("pending walk").doesNotHaveDuplicates();
        Set<Long> stayedPending = new HashSet<>(mine);
        stayedPending.removeAll(confirmed);
        assertThat(seen).as("pending walk").containsAll(stayedPending);
        assertThat(confirmed).hasSizeGreaterThanOrEqualTo(50);

        // Every status across restaurants from the read side, confirming more meanwhile (orders keep their place).
        List<Long> all = walk("/api/dispatch/orders?limit=100&from=" + from, "read-store", () -> confirm(pending, confirmed, 10));
        assertThat(all).as("all-statuses walk").doesNotHaveDuplicates();
        assertThat(all.stream().filter(mine::contains).toList()).as("all-statuses walk").hasSize(ORDERS);

        // "Confirmed, no driver": what was confirmed meanwhile, from Redis.
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(
                walk("/api/dispatch/orders?status=confirmed&unassigned=true&limit=500&from=" + from, "redis", null))
                .containsAll(confirmed));
    }

    @Test
    void shouldFeedARestaurantItsOwnOrdersChangesOnlyAndResumeWithoutGap() throws Exception {
        long own = restaurants.get(0);
        String board = "/api/restaurants/" + own + "/board/events";
        try (EventStream witness = EventStream.open(platform.queryApi(), board, restaurantTokens.get(0), null, DELIVERY)) {
            String lastSeen;
            long first;
            Set<Long> others = new HashSet<>();
            try (EventStream screen = EventStream.open(platform.queryApi(), board, restaurantTokens.get(0), null, DELIVERY)) {
                others.add(place(1));
                first = place(0);
                await().atMost(DELIVERY).until(() -> !changesOf(screen, first).isEmpty());
                lastSeen = screen.changes().getLast().path("cursor").asText();
            }

            // Away (the connection dropped): its order moves three times, another restaurant's twice.
            long version = commands.act(first, "confirm", 1, admin, null);
            long other = place(2);
            others.add(other);
            commands.act(other, "confirm", 1, admin, null);
            version = commands.act(first, "start-preparing", version, admin, null);
            version = commands.act(first, "mark-ready", version, admin, null);
            long readyVersion = version;
            await().atMost(DELIVERY).until(() -> changesOf(witness, first).stream()
                    .anyMatch(c -> c.path("version").asLong() == readyVersion));
            List<String> missed = EventStream.cursors(after(witness.changes(), lastSeen));
            assertThat(missed).hasSizeGreaterThanOrEqualTo(3);

            try (EventStream back = EventStream.open(platform.queryApi(), board, admin, lastSeen, DELIVERY)) {
                await().atMost(DELIVERY).until(() -> back.changes().size() >= missed.size());
                assertThat(EventStream.cursors(back.changes()).subList(0, missed.size())).containsExactlyElementsOf(missed);

                commands.act(first, "assign-driver", version, admin, "{\"driverId\":" + driverId + "}"); // then live
                await().atMost(DELIVERY).until(() -> changesOf(back, first).stream()
                        .anyMatch(c -> c.path("row").path("driverId").asLong() == driverId));
                assertThat(EventStream.cursors(back.changes())).doesNotHaveDuplicates();
                assertThat(EventStream.cursors(back.changes()))
                        .containsExactlyElementsOf(EventStream.cursors(after(witness.changes(), lastSeen)).subList(0, back.changes().size()));
            }
            for (JsonNode change : witness.changes()) {
                assertThat(change.path("row").path("restaurantId").asLong()).as("restaurant of %s", change).isEqualTo(own);
                assertThat(others).doesNotContain(change.path("orderId").asLong());
            }
        }
    }

    @Test
    void shouldListEveryTransitionOfAnOrderWithItsActorInOrder() throws Exception {
        long orderId = place(0);
        long version = commands.act(orderId, "confirm", 1, admin, null);
        version = commands.act(orderId, "assign-driver", version, admin, "{\"driverId\":" + driverId + "}");
        version = commands.act(orderId, "start-preparing", version, admin, null);
        version = commands.act(orderId, "mark-ready", version, admin, null);
        version = commands.act(orderId, "pick-up", version, driverToken, null);
        commands.act(orderId, "deliver", version, driverToken, null);

        String path = "/api/orders/" + orderId + "/history";
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(query.get(path, admin).path("changes")).hasSize(7));
        List<String> steps = new ArrayList<>();
        query.get(path, restaurantTokens.get(0)).path("changes").forEach(c -> steps.add(c.path("from").asText("-") + ">"
                + c.path("to").asText() + " by " + c.path("actor").path("role").asText()));
        assertThat(steps).containsExactly("->pending by restaurant", "pending>confirmed by admin", "confirmed>confirmed by admin",
                "confirmed>preparing by admin", "preparing>ready by admin", "ready>out_for_delivery by driver",
                "out_for_delivery>delivered by driver");
        JsonNode changes = query.get(path, driverToken).path("changes");
        assertThat(changes.get(0).path("actor").path("id").asLong()).isEqualTo(restaurants.get(0));
        assertThat(changes.get(2).path("reason").asText()).contains(Long.toString(driverId));
        assertThat(changes.get(6).path("actor").path("id").asLong()).isEqualTo(driverId);
    }

    /** Places {@code n} orders spread over the demo restaurants, four at a time; returns their ids. */
    private Set<Long> placeAcrossRestaurants(int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> placed = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int restaurant = i % restaurants.size();
                placed.add(pool.submit(() -> place(restaurant)));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<Long> f : placed) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private long place(int restaurant) {
        return commands.place(restaurantTokens.get(restaurant), productId).path("id").asLong();
    }

    /** Confirms up to {@code n} of the orders still pending (version 1), taken from the end of the (shuffled) list. */
    private void confirm(List<Long> pending, Set<Long> confirmed, int n) {
        for (int i = 0; i < n && !pending.isEmpty(); i++) {
            long id = pending.removeLast();
            commands.act(id, "confirm", 1, admin, null);
            confirmed.add(id);
        }
    }

    /** Every order id of a walk by cursor, page after page; {@code betweenPages} (may be null) runs after each page. */
    private List<Long> walk(String firstPage, String source, Runnable betweenPages) throws Exception {
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String path = firstPage + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode body = query.get(path, admin);
            body.path("orders").forEach(o -> seen.add(o.path("orderId").asLong()));
            cursor = body.path("nextCursor").isNull() ? null : body.path("nextCursor").asText();
            if (betweenPages != null) {
                betweenPages.run();
            }
            pages++;
        } while (cursor != null && pages < 10_000);
        assertThat(query.source(firstPage, admin)).as("source of %s", firstPage).isEqualTo(source);
        return seen;
    }

    private static List<JsonNode> changesOf(EventStream stream, long orderId) {
        return stream.changes().stream().filter(c -> c.path("orderId").asLong() == orderId).toList();
    }

    private static List<JsonNode> after(List<JsonNode> changes, String cursor) {
        int index = EventStream.cursors(changes).indexOf(cursor);
        assertThat(index).as("cursor %s among the witness's changes", cursor).isNotNegative();
        return changes.subList(index + 1, changes.size());
    }

}
