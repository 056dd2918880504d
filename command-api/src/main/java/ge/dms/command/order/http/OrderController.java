package ge.dms.command.order.http;

import ge.dms.command.idempotency.CommandRunner;
import ge.dms.command.idempotency.Replies;
import ge.dms.command.order.AssignDriver;
import ge.dms.command.order.CancelOrder;
import ge.dms.command.order.OrderAction;
import ge.dms.command.order.OrderResult;
import ge.dms.command.order.OrderTransitionService;
import ge.dms.command.order.OrderTransitionService.Change;
import ge.dms.command.order.PlaceOrder;
import ge.dms.command.order.PlaceOrderService;
import ge.dms.command.security.Actor;
import ge.dms.http.token.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;

/** Order commands. Each is one call into a service; errors become problems in the handlers. */
@Controller("/api/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OrderController {

    private final PlaceOrderService placing;
    private final OrderTransitionService transitions;

    public OrderController(PlaceOrderService placing, OrderTransitionService transitions) {
        this.placing = placing;
        this.transitions = transitions;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured(Role.RESTAURANT_ROLE)
    public HttpResponse<OrderResult> place(@Body @Valid PlaceOrder command, Authentication caller,
                                           @Nullable @Header(CommandRunner.HEADER) String idempotencyKey) {
        return Replies.toHttp(placing.place(Actor.from(caller), command, idempotencyKey));
    }

    @Post("/{id}/confirm")
    @Secured(Role.ADMIN_ROLE)
    public HttpResponse<OrderResult> confirm(@PathVariable long id, Authentication caller, @Nullable @Header(IfMatch.HEADER) String ifMatch,
                                             @Nullable @Header(CommandRunner.HEADER) String idempotencyKey) {
        return simple(OrderAction.CONFIRM, id, caller, ifMatch, idempotencyKey);
    }

    @Post("/{id}/start-preparing")
    @Secured(Role.ADMIN_ROLE)
    public HttpResponse<OrderResult> startPreparing(@PathVariable long id, Authentication caller, @Nullable @Header(IfMatch.HEADER) String ifMatch,
                                                    @Nullable @Header(CommandRunner.HEADER) String idempotencyKey) {
        return simple(OrderAction.START_PREPARING, id, caller, ifMatch, idempotencyKey);
    }

    @Post("/{id}/mark-ready")
    @Secured(Role.ADMIN_ROLE)
    public HttpResponse<OrderResult> markReady(@PathVariable long id, Authentication caller, @Nullable @Header(IfMatch.HEADER) String ifMatch,
                                               @Nullable @Header(CommandRunner.HEADER) String idempotencyKey) {
        return simple(OrderAction.MARK_READY, id, caller, ifMatch, idempotencyKey);
    }

    @Post("/{id}/assign-driver")
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured(Role.ADMIN_ROLE)
    public HttpResponse<OrderResult> assignDriver(@PathVariable long id, @Body @Valid AssignDriver body, Authentication caller,
                                                  @Nullable @Header(IfMatch.HEADER) String ifMatch,
                                                  @Nullable @Header(CommandRunner.HEADER) String idempotencyKey) {
        Change change = new Change(OrderAction.ASSIGN_DRIVER, IfMatch.version(ifMatch), body.driverId(), null);
        return Replies.toHttp(transitions.apply(Actor.from(caller), id, change, idempotencyKey));
    }

    @Post("/{id}/pick-up")
    @Secured(Role.DRIVER_ROLE)
    public HttpResponse<OrderResult> pickUp(@PathVariable long id, Authentication caller, @Nullable @Header(IfMatch.HEADER) String ifMatch,
                                            @Nullable @Header(CommandRunner.HEADER) String idempotencyKey) {
        return simple(OrderAction.PICK_UP, id, caller, ifMatch, idempotencyKey);
    }

    @Post("/{id}/deliver")
    @Secured(Role.DRIVER_ROLE)
    public HttpResponse<OrderResult> deliver(@PathVariable long id, Authentication caller, @Nullable @Header(IfMatch.HEADER) String ifMatch,
                                             @Nullable @Header(CommandRunner.HEADER) String idempotencyKey) {
        return simple(OrderAction.DELIVER, id, caller, ifMatch, idempotencyKey);
    }

    @Post("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured({Role.ADMIN_ROLE, Role.RESTAURANT_ROLE})
    public HttpResponse<OrderResult> cancel(@PathVariable long id, @Body @Valid CancelOrder body, Authentication caller,
                                            @Nullable @Header(IfMatch.HEADER) String ifMatch,
                                            @Nullable @Header(CommandRunner.HEADER) String idempotencyKey) {
        Change change = new Change(OrderAction.CANCEL, IfMatch.version(ifMatch), null, body.reason().strip());
        return Replies.toHttp(transitions.apply(Actor.from(caller), id, change, idempotencyKey));
    }

    private HttpResponse<OrderResult> simple(OrderAction action, long id, Authentication caller, String ifMatch, String idempotencyKey) {
        Change change = new Change(action, IfMatch.version(ifMatch), null, null);
        return Replies.toHttp(transitions.apply(Actor.from(caller), id, change, idempotencyKey));
    }
}
