package ge.dms.query.order;

import ge.dms.http.token.Caller;
import ge.dms.query.http.ApiException;
import ge.dms.query.http.ViewResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;

import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/orders/{id}}: one order view, optionally after the caller's own write has reached it. Runs on the
 * event loop ({@link OrderQueries}: no thread waits for Redis or for the caller's version).
 */
@Controller("/api/orders")
public class OrderController {

    private final OrderQueries orders;

    public OrderController(OrderQueries orders) {
        this.orders = orders;
    }

    @Get("/{id:[0-9]+}")
    public CompletableFuture<HttpResponse<String>> order(@PathVariable long id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                      @Nullable @Header("X-Consistency-Token") String token,
                                      @Nullable @QueryValue Long minVersion) {
        Long wanted = ConsistencyToken.minVersion(id, token, minVersion);
        return orders.findAsync(id, wanted).thenApply(answer -> {
            StoredOrder order = answer.orThrow(id);
            if (!caller.maySee(order.restaurantId(), order.driverId())) {
                throw ApiException.forbidden("this token may not read order " + id);
            }
            var response = ViewResponse.ok(order.json(), answer.source(), order.commitTime(), answer.stale())
                    .header("X-View-Version", Long.toString(order.version()));
            if (wanted != null) {
                response.header("X-Consistency", answer.stale() ? "timeout" : "caught-up");
            }
            return response;
        });
    }
}
