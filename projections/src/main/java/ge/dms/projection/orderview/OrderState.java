package ge.dms.projection.orderview;

import ge.dms.projection.source.DriverRow;
import ge.dms.projection.source.ItemRow;
import ge.dms.projection.source.OrderRow;
import ge.dms.projection.source.RestaurantRow;
import ge.dms.schemas.view.OrderView;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the order view projection holds per order: the newest order row, the items seen so far
 * (they may come first), the newest restaurant and driver rows it has seen for this order, and
 * the view last emitted (nothing older or equal is emitted again).
 */
record OrderState(OrderRow order, Map<Long, ItemRow> items, RestaurantRow restaurant, DriverRow driver,
                  OrderView emitted) {

    OrderState {
        items = items == null ? new TreeMap<>() : new TreeMap<>(items);
    }

    static OrderState empty() {
        return new OrderState(null, null, null, null, null);
    }

    OrderState withOrder(OrderRow next) {
        return new OrderState(next, items, restaurant, driver, emitted);
    }

    OrderState withItem(ItemRow item) {
        Map<Long, ItemRow> next = new TreeMap<>(items);
        if (item.deleted()) {
            next.remove(item.id());
        } else {
            next.put(item.id(), item);
        }
        return new OrderState(order, next, restaurant, driver, emitted);
    }

    /** Keeps the newer (by LSN) of the held and the offered rows; rows of another restaurant/driver than the order's are ignored. */
    OrderState withReferences(RestaurantRow offeredRestaurant, DriverRow offeredDriver) {
        RestaurantRow r = restaurant;
        if (offeredRestaurant != null && order != null && offeredRestaurant.id() == order.restaurantId()
                && (r == null || r.id() != offeredRestaurant.id() || offeredRestaurant.lsn() > r.lsn())) {
            r = offeredRestaurant;
        }
        DriverRow d = driver;
        if (offeredDriver != null && order != null && Objects.equals(order.driverId(), offeredDriver.id())
                && (d == null || d.id() != offeredDriver.id() || offeredDriver.lsn() > d.lsn())) {
            d = offeredDriver;
        }
        return new OrderState(order, items, r, d, emitted);
    }

    OrderState withEmitted(OrderView view) {
        return new OrderState(order, items, restaurant, driver, view);
    }

    /** True when the order and exactly {@code item_count} items are here: a whole source transaction. */
    boolean isComplete() {
        return order != null && !order.deleted() && items.size() == order.itemCount();
    }
}
