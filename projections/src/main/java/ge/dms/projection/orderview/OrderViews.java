package ge.dms.projection.orderview;

import ge.dms.projection.source.DriverRow;
import ge.dms.projection.source.ItemRow;
import ge.dms.projection.source.OrderRow;
import ge.dms.projection.source.RestaurantRow;
import ge.dms.schemas.view.DriverRef;
import ge.dms.schemas.view.OrderItemView;
import ge.dms.schemas.view.OrderView;
import ge.dms.schemas.view.RestaurantRef;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Builds the {@link OrderView} of a complete {@link OrderState}, and decides whether it is worth emitting. */
public final class OrderViews {

    private OrderViews() {
    }

    /** The view of {@code state} if it is complete and newer than the one last emitted. */
    static Optional<OrderView> next(OrderState state) {
        if (!state.isComplete()) {
            return Optional.empty();
        }
        OrderView view = of(state);
        return EmittedMark.isNewer(view, state.emitted()) ? Optional.of(view) : Optional.empty();
    }

    static OrderView of(OrderState state) {
        OrderRow o = state.order();
        long lsn = o.lsn();
        Instant commit = o.commitTime();
        for (ItemRow item : state.items().values()) {
            lsn = Math.max(lsn, item.lsn());
            commit = Times.latest(commit, item.commitTime());
        }
        RestaurantRow r = state.restaurant() != null && state.restaurant().id() == o.restaurantId() ? state.restaurant() : null;
        DriverRow d = state.driver() != null && Objects.equals(state.driver().id(), o.driverId()) ? state.driver() : null;
        RestaurantRef restaurant = r == null ? null : new RestaurantRef(r.id(), r.name(), r.address(), r.city(), r.phone());
        DriverRef driver = d == null ? null : new DriverRef(d.id(), d.name(), d.phone(), d.vehicle());
        if (r != null) {
            commit = Times.latest(commit, r.commitTime());
        }
        if (d != null) {
            commit = Times.latest(commit, d.commitTime());
        }
        List<OrderItemView> items = state.items().values().stream().map(OrderViews::item).toList();
        return new OrderView(OrderView.SCHEMA_VERSION, o.id(), o.reference(), o.status(), o.restaurantId(), restaurant,
                o.driverId(), driver, o.deliveryAddress(), o.requestedDeliveryAt(), o.notes(), o.totalAmount(),
                o.itemCount(), items, o.version(), o.createdAt(), o.updatedAt(), o.confirmedAt(), o.readyAt(),
                o.pickedUpAt(), o.deliveredAt(), o.cancelledAt(), lsn, r == null ? 0 : r.lsn(), d == null ? 0 : d.lsn(),
                commit, o.requestId());
    }

    /**
     * {@code view} with the newer row of its driver, as the foreign-key join would build it later: the
     * driver shown, its LSN and the commit time move forward. Null when the view names another driver
     * or already has this row or a newer one.
     */
    public static OrderView withDriver(OrderView view, DriverRow d) {
        if (!Objects.equals(view.driverId(), d.id()) || view.driverLsn() >= d.lsn()) {
            return null;
        }
        return new OrderView(view.schemaVersion(), view.orderId(), view.reference(), view.status(), view.restaurantId(),
                view.restaurant(), view.driverId(), new DriverRef(d.id(), d.name(), d.phone(), d.vehicle()),
                view.deliveryAddress(), view.requestedDeliveryAt(), view.notes(), view.totalAmount(), view.itemCount(),
                view.items(), view.version(), view.createdAt(), view.updatedAt(), view.confirmedAt(), view.readyAt(),
                view.pickedUpAt(), view.deliveredAt(), view.cancelledAt(), view.sourceLsn(), view.restaurantLsn(), d.lsn(),
                Times.latest(view.sourceCommitTime(), d.commitTime()), view.requestId());
    }

    /** {@code view} with the newer row of its restaurant; null as for {@link #withDriver}. */
    public static OrderView withRestaurant(OrderView view, RestaurantRow r) {
        if (view.restaurantId() != r.id() || view.restaurantLsn() >= r.lsn()) {
            return null;
        }
        return new OrderView(view.schemaVersion(), view.orderId(), view.reference(), view.status(), view.restaurantId(),
                new RestaurantRef(r.id(), r.name(), r.address(), r.city(), r.phone()), view.driverId(), view.driver(),
                view.deliveryAddress(), view.requestedDeliveryAt(), view.notes(), view.totalAmount(), view.itemCount(),
                view.items(), view.version(), view.createdAt(), view.updatedAt(), view.confirmedAt(), view.readyAt(),
                view.pickedUpAt(), view.deliveredAt(), view.cancelledAt(), view.sourceLsn(), r.lsn(), view.driverLsn(),
                Times.latest(view.sourceCommitTime(), r.commitTime()), view.requestId());
    }

    private static OrderItemView item(ItemRow i) {
        return new OrderItemView(i.id(), i.productId(), i.productName(), i.unitPrice(), i.quantity(), i.lineTotal());
    }
}
