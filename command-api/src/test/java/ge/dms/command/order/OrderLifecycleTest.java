package ge.dms.command.order;

import ge.dms.schemas.order.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static ge.dms.command.order.OrderAction.ASSIGN_DRIVER;
import static ge.dms.command.order.OrderAction.CANCEL;
import static ge.dms.command.order.OrderAction.CONFIRM;
import static ge.dms.command.order.OrderAction.DELIVER;
import static ge.dms.command.order.OrderAction.MARK_READY;
import static ge.dms.command.order.OrderAction.PICK_UP;
import static ge.dms.command.order.OrderAction.START_PREPARING;
import static ge.dms.schemas.order.OrderStatus.CANCELLED;
import static ge.dms.schemas.order.OrderStatus.CONFIRMED;
import static ge.dms.schemas.order.OrderStatus.DELIVERED;
import static ge.dms.schemas.order.OrderStatus.OUT_FOR_DELIVERY;
import static ge.dms.schemas.order.OrderStatus.PENDING;
import static ge.dms.schemas.order.OrderStatus.PREPARING;
import static ge.dms.schemas.order.OrderStatus.READY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every (status, action) pair, against a table written out independently of the implementation. */
class OrderLifecycleTest {

    /** DOMAIN.md's diagram, by hand: the only pairs that are allowed, and where they lead. */
    private static final Map<OrderStatus, Map<OrderAction, OrderStatus>> EXPECTED = Map.of(
            PENDING, Map.of(CONFIRM, CONFIRMED, CANCEL, CANCELLED),
            CONFIRMED, Map.of(START_PREPARING, PREPARING, ASSIGN_DRIVER, CONFIRMED, CANCEL, CANCELLED),
            PREPARING, Map.of(MARK_READY, READY, ASSIGN_DRIVER, PREPARING, CANCEL, CANCELLED),
            READY, Map.of(PICK_UP, OUT_FOR_DELIVERY, ASSIGN_DRIVER, READY, CANCEL, CANCELLED),
            OUT_FOR_DELIVERY, Map.of(DELIVER, DELIVERED),
            DELIVERED, Map.of(),
            CANCELLED, Map.of());

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (OrderStatus status : OrderStatus.values()) {
            for (OrderAction action : OrderAction.values()) {
                pairs.add(Arguments.of(status, action));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyPair")
    void shouldAllowExactlyTheDiagramsTransitions(OrderStatus from, OrderAction action) {
        OrderStatus expected = EXPECTED.get(from).get(action);
        if (expected != null) {
            assertThat(OrderLifecycle.next(from, action)).contains(expected);
            assertThat(OrderLifecycle.require(from, action)).isEqualTo(expected);
            assertThat(OrderLifecycle.allowedActions(from)).contains(action);
        } else {
            assertThat(OrderLifecycle.next(from, action)).isEmpty();
            assertThat(OrderLifecycle.allowedActions(from)).doesNotContain(action);
            assertThatThrownBy(() -> OrderLifecycle.require(from, action))
                    .isInstanceOfSatisfying(TransitionRefusedException.class, e -> {
                        assertThat(e.current()).isEqualTo(from);
                        assertThat(e.action()).isEqualTo(action);
                        assertThat(e.allowed()).containsExactlyInAnyOrderElementsOf(EXPECTED.get(from).keySet());
                        assertThat(e.getMessage()).contains(from.value());
                    });
        }
    }

    @Test
    void shouldCoverAllFortyNinePairs() {
        assertThat(everyPair()).hasSize(OrderStatus.values().length * OrderAction.values().length).hasSize(49);
    }

    @Test
    void shouldEndInDeliveredOrCancelledOnly() {
        for (OrderStatus status : OrderStatus.values()) {
            boolean terminal = OrderLifecycle.allowedActions(status).isEmpty();
            assertThat(terminal).isEqualTo(status == DELIVERED || status == CANCELLED);
        }
    }
}
