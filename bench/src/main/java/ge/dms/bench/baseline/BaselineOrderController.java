package ge.dms.bench.baseline;

import io.micronaut.context.annotation.Requires;
import ge.dms.http.token.AccessDenied;
import ge.dms.http.token.Caller;
import ge.dms.schemas.view.OrderView;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code GET /api/orders/{id}}: one order as the query API's {@link OrderView}, read by {@link BaselineOrders}. */
@Requires(property = Baseline.ENABLED, value = "true")
@Controller("/api/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BaselineOrderController {

    private final BaselineOrders orders;

    public BaselineOrderController(BaselineOrders orders) {
        this.orders = orders;
    }

    @Get("/{id:[0-9]+}")
    public HttpResponse<String> order(@PathVariable long id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return Answers.json(() -> {
            OrderView view = orders.find(id).orElseThrow(() -> BaselineProblem.notFound("no order " + id));
            if (!caller.maySee(view.restaurantId(), view.driverId())) {
                throw new AccessDenied("this token may not read order " + id);
            }
            return BaselineOrders.json(view);
        }).header("X-View-Version", "0");
    }
}
