package ge.dms.command.order;

import ge.dms.command.order.OrderAccess.Decision;
import ge.dms.command.security.Actor;
import ge.dms.http.token.Role;
import ge.dms.schemas.order.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class OrderAccessTest {

    private static final long RESTAURANT = 7;
    private static final long DRIVER = 3;

    @ParameterizedTest
    @EnumSource(OrderAction.class)
    void shouldHideOtherRestaurantsOrders(OrderAction action) {
        assertThat(OrderAccess.decide(new Actor(Role.RESTAURANT, 8L), action, RESTAURANT, DRIVER)).isEqualTo(Decision.NOT_VISIBLE);
    }

    @ParameterizedTest
    @EnumSource(OrderAction.class)
    void shouldLetARestaurantOnlyCancelItsOwnOrder(OrderAction action) {
        Decision decision = OrderAccess.decide(new Actor(Role.RESTAURANT, RESTAURANT), action, RESTAURANT, null);
        assertThat(decision).isEqualTo(action == OrderAction.CANCEL ? Decision.ALLOWED : Decision.FORBIDDEN);
    }

    @ParameterizedTest
    @EnumSource(OrderAction.class)
    void shouldHideOrdersNotAssignedToTheDriver(OrderAction action) {
        assertThat(OrderAccess.decide(new Actor(Role.DRIVER, 4L), action, RESTAURANT, DRIVER)).isEqualTo(Decision.NOT_VISIBLE);
        assertThat(OrderAccess.decide(new Actor(Role.DRIVER, DRIVER), action, RESTAURANT, null)).isEqualTo(Decision.NOT_VISIBLE);
    }

    @ParameterizedTest
    @EnumSource(OrderAction.class)
    void shouldLetTheAssignedDriverOnlyPickUpAndDeliver(OrderAction action) {
        Decision decision = OrderAccess.decide(new Actor(Role.DRIVER, DRIVER), action, RESTAURANT, DRIVER);
        boolean driving = action == OrderAction.PICK_UP || action == OrderAction.DELIVER;
        assertThat(decision).isEqualTo(driving ? Decision.ALLOWED : Decision.FORBIDDEN);
    }

    @ParameterizedTest
    @EnumSource(OrderAction.class)
    void shouldLetAdminsDoAllButTheDriversPart(OrderAction action) {
        Decision decision = OrderAccess.decide(new Actor(Role.ADMIN, null), action, RESTAURANT, DRIVER);
        boolean driving = action == OrderAction.PICK_UP || action == OrderAction.DELIVER;
        assertThat(decision).isEqualTo(driving ? Decision.FORBIDDEN : Decision.ALLOWED);
    }

    @Test
    void shouldLetRestaurantsCancelOnlyPendingOrders() {
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(OrderAccess.restaurantMayCancel(status)).isEqualTo(status == OrderStatus.PENDING);
        }
    }
}
