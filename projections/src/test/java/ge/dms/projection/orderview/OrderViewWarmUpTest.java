package ge.dms.projection.orderview;

import ge.dms.schemas.view.OrderView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderViewWarmUpTest {

    @Test
    void shouldRunEveryStepOfEachSyntheticOrderThroughTheTopologyToTheRehearsal(@TempDir Path stateRoot) throws Exception {
        List<OrderView> rehearsed = new ArrayList<>();

        OrderViewWarmUp.Outcome outcome = OrderViewWarmUp.run(40, (view, trace) -> {
            rehearsed.add(view);
            return 1;
        }, stateRoot);

        assertEquals(40 * 11, outcome.records(), "each order: placed, four items, six moves");
        assertEquals(40 * 7, outcome.views(), "a view when the order is whole, then one per move");
        assertEquals(outcome.views(), rehearsed.size());
        Map<Long, OrderView> last = new TreeMap<>();
        rehearsed.forEach(view -> last.put(view.orderId(), view));
        assertEquals(40, last.size());
        for (OrderView view : last.values()) {
            assertEquals("delivered", view.status());
            assertEquals(7, view.version());
            assertEquals(4, view.items().size());
            assertNotNull(view.driver(), "the driver's name came from the lookup, as on the hot path");
            assertNotNull(view.restaurant());
        }
        try (var left = Files.list(stateRoot)) {
            assertTrue(left.findAny().isEmpty(), "the warm-up's state folder is removed");
        }
    }

    @Test
    void shouldRemoveWhatAWarmUpKilledBeforeItsEndLeftBehind(@TempDir Path stateRoot) throws Exception {
        Path left = Files.createDirectories(stateRoot.resolve("warm-up-123/order-view-warm-up/0_0"));
        Files.writeString(left.resolve("data"), "from a killed start");
        Path streamsState = Files.createDirectories(stateRoot.resolve("dms-projections-order-views"));

        OrderViewWarmUp.run(2, (view, trace) -> 1, stateRoot);

        try (var kept = Files.list(stateRoot)) {
            assertEquals(List.of(streamsState), kept.toList(), "only the warm-up's own folders are removed");
        }
    }

    @Test
    void shouldCountOnlyTheViewsTheRehearsalTook(@TempDir Path stateRoot) {
        OrderViewWarmUp.Outcome outcome = OrderViewWarmUp.run(5, (view, trace) -> 0, stateRoot);

        assertEquals(55, outcome.records());
        assertEquals(0, outcome.views());
    }
}
