package ge.dms.command.order;

import ge.dms.command.idempotency.CommandReply;
import ge.dms.command.idempotency.CommandRunner;
import ge.dms.command.idempotency.WriteToken;
import ge.dms.command.order.persistence.CatalogLookup;
import ge.dms.command.order.persistence.OrderRepository;
import ge.dms.command.order.persistence.OrderRepository.PricedLine;
import ge.dms.command.persistence.jooq.tables.records.OrdersRecord;
import ge.dms.command.problem.ApiException;
import ge.dms.command.security.Actor;
import ge.dms.command.trace.RequestId;
import ge.dms.http.token.Role;
import ge.dms.schemas.order.OrderStatus;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;

/** A restaurant places an order: priced from the catalog, stored with its lines and first log entry. */
@Singleton
public class PlaceOrderService {

    /** The business runs on Tbilisi time: an order placed at 00:30 on 1 January belongs to the new year. */
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Tbilisi");

    private final CommandRunner runner;
    private final OrderRepository orders;
    private final CatalogLookup catalog;
    private final Clock clock;

    public PlaceOrderService(CommandRunner runner, OrderRepository orders, CatalogLookup catalog) {
        this.runner = runner;
        this.orders = orders;
        this.catalog = catalog;
        this.clock = Clock.system(BUSINESS_ZONE);
    }

    public CommandReply<OrderResult> place(Actor actor, PlaceOrder command, String idempotencyKey) {
        if (!actor.is(Role.RESTAURANT)) {
            throw ApiException.forbidden("only restaurants place orders");
        }
        try {
            return runner.run(actor, idempotencyKey, "POST /api/orders", command, OrderResult.class, tx -> place(tx, actor, command));
        } finally {
            MDC.remove(RequestId.MDC_ORDER_ID); // set once the order has its id
        }
    }

    private CommandReply<OrderResult> place(DSLContext tx, Actor actor, PlaceOrder command) {
        if (!catalog.activeRestaurant(tx, actor.id())) {
            throw ApiException.forbidden("restaurant " + actor.id() + " does not exist or is not active");
        }
        List<Long> ids = command.items().stream().map(OrderLine::productId).toList();
        List<PricedLine> lines = OrderPricing.price(command.items(), catalog.products(tx, ids));
        String reference = "ORD-%d-%06d".formatted(Year.now(clock).getValue(), orders.nextReferenceNumber(tx));
        OrdersRecord order = orders.insert(tx, reference, actor.id(), command.deliveryAddress().strip(),
                command.requestedDeliveryAt(), command.notes(), lines, OrderPricing.total(lines));
        MDC.put(RequestId.MDC_ORDER_ID, Long.toString(order.getId()));
        orders.logChange(tx, order.getId(), null, OrderStatus.PENDING, actor, null);
        String token = WriteToken.of(tx, "order", order.getId(), order.getVersion());
        return CommandReply.created(OrderRepository.toResult(order), token, "/api/orders/" + order.getId(), order.getVersion());
    }
}
