package ge.dms.query.history;

import ge.dms.http.token.Caller;
import ge.dms.query.http.ApiException;
import ge.dms.query.http.ViewResponse;
import ge.dms.query.http.ViewResponse.Source;
import ge.dms.query.order.OrderQueries;
import ge.dms.query.order.StoredOrder;
import ge.dms.schemas.serde.Json;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/orders/{id}/history}: every status change of the order, oldest first (who, when, from → to,
 * reason), with the access rules of {@code GET /api/orders/{id}}: admins, the order's restaurant, its assigned
 * driver. Who may read it is decided by the order's view (Redis, else the read side); an unknown order is a 404.
 */
@Controller("/api/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HistoryController {

    private final OrderQueries orders;
    private final ReadStoreHistory history;

    public HistoryController(OrderQueries orders, ReadStoreHistory history) {
        this.orders = orders;
        this.history = history;
    }

    @Get("/{id:[0-9]+}/history")
    public HttpResponse<String> history(@PathVariable long id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        StoredOrder order = orders.find(id, null).orThrow(id);
        if (!caller.maySee(order.restaurantId(), order.driverId())) {
            throw ApiException.forbidden("this token may not read order " + id);
        }
        ReadStoreHistory.Answer answer = history.find(id);
        try {
            return ViewResponse.ok(Json.mapper().writeValueAsString(answer.history()), Source.READ_STORE, answer.newest(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
