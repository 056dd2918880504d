package ge.dms.command.order;

import ge.dms.command.support.TestApi;
import ge.dms.command.support.TestApi.Reply;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static ge.dms.command.persistence.jooq.Tables.ORDERS;
import static ge.dms.command.persistence.jooq.Tables.ORDER_STATUS_CHANGES;
import static org.assertj.core.api.Assertions.assertThat;

/** Two callers change one order from the same version at the same moment: exactly one wins. */
@WithDevStack
class ConcurrentTransitionIT {

    private static final int ROUNDS = 20;

    @Test
    void shouldLetExactlyOneOfTwoConcurrentTransitionsWin(TestNamespace ns) throws Exception {
        try (TestApi t = TestApi.start(ns); ExecutorService pool = Executors.newFixedThreadPool(2)) {
            long restaurant = t.restaurant("ძველი ქალაქი");
            long product = t.product("BREAD-1", "შოთის პური", "piece", "1.20");
            for (int round = 0; round < ROUNDS; round++) {
                long id = ((Number) t.placeOrder(restaurant, product).get("id")).longValue();
                // Alternate: two identical confirms, then a confirm racing a cancel.
                String second = round % 2 == 0 ? "confirm" : "cancel";
                CyclicBarrier together = new CyclicBarrier(2);
                var a = CompletableFuture.supplyAsync(() -> race(t, together, id, "confirm"), pool);
                var b = CompletableFuture.supplyAsync(() -> race(t, together, id, second), pool);
                List<Reply> replies = List.of(a.get(), b.get());

                assertThat(replies).extracting(Reply::status).as("round " + round).containsExactlyInAnyOrder(200, 409);
                Reply loser = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
                Reply winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
                assertThat(loser.json()).containsEntry("type", "https://dms.ge/problems/stale-version")
                        .containsEntry("currentVersion", 2).containsEntry("currentStatus", winner.json().get("status"));
                assertThat(t.sql().fetchCount(ORDER_STATUS_CHANGES, ORDER_STATUS_CHANGES.ORDER_ID.eq(id),
                        ORDER_STATUS_CHANGES.FROM_STATUS.eq("pending"))).isEqualTo(1);
                assertThat(t.sql().select(ORDERS.VERSION).from(ORDERS).where(ORDERS.ID.eq(id)).fetchSingle().value1()).isEqualTo(2);
            }
        }
    }

    private static Reply race(TestApi t, CyclicBarrier together, long id, String action) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return t.act(id, action, TestApi.admin(), 1, action.equals("cancel") ? "{\"reason\":\"race\"}" : null);
    }
}
