package ge.dms.command.order;

import ge.dms.command.idempotency.CommandReply;
import ge.dms.command.idempotency.CommandRunner;
import ge.dms.command.idempotency.WriteToken;
import ge.dms.command.order.persistence.CatalogLookup;
import ge.dms.command.order.persistence.OrderRepository;
import ge.dms.command.persistence.jooq.tables.records.OrdersRecord;
import ge.dms.command.problem.ApiException;
import ge.dms.command.security.Actor;
import ge.dms.command.trace.RequestId;
import ge.dms.http.problem.FieldError;
import ge.dms.http.token.Role;
import ge.dms.schemas.order.OrderStatus;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.slf4j.MDC;

import java.util.List;

/**
 * Moves an order through its lifecycle. Checks, in order: the order exists and the caller may
 * see it (404), the caller may do this (403), the caller saw the current version (409 stale),
 * the lifecycle allows it (409). Then one compare-and-set update and one log row, in one transaction.
 */
@Singleton
public class OrderTransitionService {

    /** The input of one transition: a driver for assign-driver, a reason for cancel, else nulls. */
    @io.micronaut.serde.annotation.Serdeable
    public record Change(OrderAction action, int expectedVersion, Long driverId, String reason) {
    }

    private final CommandRunner runner;
    private final OrderRepository orders;
    private final CatalogLookup catalog;

    public OrderTransitionService(CommandRunner runner, OrderRepository orders, CatalogLookup catalog) {
        this.runner = runner;
        this.orders = orders;
        this.catalog = catalog;
    }

    public CommandReply<OrderResult> apply(Actor actor, long orderId, Change change, String idempotencyKey) {
        String operation = "POST /api/orders/" + orderId + "/" + change.action().path() + " v" + change.expectedVersion();
        try (var logged = MDC.putCloseable(RequestId.MDC_ORDER_ID, Long.toString(orderId))) {
            return runner.run(actor, idempotencyKey, operation, change, OrderResult.class, tx -> apply(tx, actor, orderId, change));
        }
    }

    private CommandReply<OrderResult> apply(DSLContext tx, Actor actor, long orderId, Change change) {
        OrdersRecord order = orders.find(tx, orderId).orElseThrow(() -> ApiException.notFound("order", orderId));
        OrderStatus current = OrderStatus.of(order.getStatus());
        switch (OrderAccess.decide(actor, change.action(), order.getRestaurantId(), order.getDriverId())) {
            case NOT_VISIBLE -> throw ApiException.notFound("order", orderId);
            case FORBIDDEN -> throw ApiException.forbidden("a " + actor.role().value() + " may not "
                    + change.action().path() + " an order");
            case ALLOWED -> { }
        }
        if (order.getVersion() != change.expectedVersion()) {
            throw new StaleVersionException(orderId, change.expectedVersion(), order.getVersion(), current);
        }
        if (actor.is(Role.RESTAURANT) && change.action() == OrderAction.CANCEL && !OrderAccess.restaurantMayCancel(current)) {
            throw new TransitionRefusedException(current, change.action(), OrderLifecycle.allowedActions(current),
                    "a restaurant may cancel only a pending order; this one is " + current.value());
        }
        OrderStatus next = OrderLifecycle.require(current, change.action());
        if (change.action() == OrderAction.ASSIGN_DRIVER && !catalog.activeDriver(tx, change.driverId())) {
            throw ApiException.invalid("driver " + change.driverId() + " does not exist or is not active",
                    List.of(new FieldError("driverId", "no active driver with this id")));
        }
        OrdersRecord updated = orders.transition(tx, orderId, change.expectedVersion(), change.action(), next, change.driverId())
                .orElseThrow(() -> raced(tx, orderId, change.expectedVersion()));
        orders.logChange(tx, orderId, current, next, actor, reason(change));
        String token = WriteToken.of(tx, "order", orderId, updated.getVersion());
        return CommandReply.ok(OrderRepository.toResult(updated), token, updated.getVersion());
    }

    /** Another transaction changed the order between our read and our update: report what it left. */
    private StaleVersionException raced(DSLContext tx, long orderId, int expected) {
        OrdersRecord now = orders.find(tx, orderId).orElseThrow();
        return new StaleVersionException(orderId, expected, now.getVersion(), OrderStatus.of(now.getStatus()));
    }

    private static String reason(Change change) {
        return change.action() == OrderAction.ASSIGN_DRIVER ? "driver " + change.driverId() + " assigned" : change.reason();
    }
}
