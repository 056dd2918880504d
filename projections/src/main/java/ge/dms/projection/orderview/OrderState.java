package ge.dms.projection.orderview;

import ge.dms.projection.source.DriverRow;
import ge.dms.projection.source.ItemRow;
import ge.dms.projection.source.OrderRow;
import ge.dms.projection.source.RestaurantRow;
import ge.dms.schemas.view.OrderView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the order view projection holds per order: the newest order row, the items seen so far
 * (they may come first), the newest restaurant and driver rows it has seen for this order, the
 * view last emitted (nothing older or equal is emitted again), and the order rows superseded
 * while the order was still incomplete ({@code waiting}). Of the last view it keeps only what the newer-than rule
 * compares ({@link EmittedMark}).
 *
 * <p>{@code waiting} exists because items reach the assembler through a repartition topic, one
 * exactly-once commit later than their order: an order confirmed, assigned and started within
 * that window would otherwise surface only in its last state, and its driver would never hear
 * of the steps between. Once the items are here, each waiting row is emitted in turn.
 */
record OrderState(OrderRow order, Map<Long, ItemRow> items, RestaurantRow restaurant, DriverRow driver,
                  EmittedMark emitted, List<OrderRow> waiting) {

    /** Bounds what an order whose items never arrive can hold: only its newest superseded rows. */
    static final int MAX_WAITING = 32;

    OrderState {
        items = items == null ? new TreeMap<>() : new TreeMap<>(items);
        waiting = waiting == null ? List.of() : List.copyOf(waiting);
    }

    static OrderState empty() {
        return new OrderState(null, null, null, null, null, null);
    }

    /** The newer order row; the one it replaces waits if it was never emitted because items were missing. */
    OrderState withOrder(OrderRow next) {
        List<OrderRow> stillWaiting = waiting;
        if (order != null && !order.deleted() && !isComplete()) {
            List<OrderRow> grown = new ArrayList<>(waiting);
            grown.add(order);
            stillWaiting = grown.size() > MAX_WAITING ? grown.subList(grown.size() - MAX_WAITING, grown.size()) : grown;
        }
        return new OrderState(next, items, restaurant, driver, emitted, stillWaiting);
    }

    /** The states to emit, oldest first: each waiting row that is whole with the items now held, then this one. */
    List<OrderState> pendingThenCurrent() {
        List<OrderState> states = new ArrayList<>();
        for (OrderRow row : waiting) {
            if (row.itemCount() == items.size()) {
                states.add(new OrderState(row, items, restaurant, driver, emitted, null));
            }
        }
        states.add(new OrderState(order, items, restaurant, driver, emitted, null));
        return states;
    }

    OrderState withoutWaiting() {
        return new OrderState(order, items, restaurant, driver, emitted, null);
    }

    OrderState withItem(ItemRow item) {
        Map<Long, ItemRow> next = new TreeMap<>(items);
        if (item.deleted()) {
            next.remove(item.id());
        } else {
            next.put(item.id(), item);
        }
        return new OrderState(order, next, restaurant, driver, emitted, waiting);
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
        return new OrderState(order, items, r, d, emitted, waiting);
    }

    OrderState withEmitted(EmittedMark mark) {
        return new OrderState(order, items, restaurant, driver, mark, waiting);
    }

    OrderState withEmitted(OrderView view) {
        return withEmitted(EmittedMark.of(view));
    }

    /** True when the order and exactly {@code item_count} items are here: a whole source transaction. */
    boolean isComplete() {
        return order != null && !order.deleted() && items.size() == order.itemCount();
    }
}
