package ge.dms.query.search;

import ge.dms.http.token.Caller;
import ge.dms.http.token.Role;
import ge.dms.query.QueryConfig;
import ge.dms.query.http.ApiException;
import ge.dms.query.http.Params;
import ge.dms.query.http.ViewResponse;
import ge.dms.query.http.ViewResponse.Source;
import ge.dms.query.infra.ViewJson;
import ge.dms.query.order.ReadStoreOrders;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code GET /api/orders/search?q=}: orders by reference or restaurant name, substring or
 * trigram-similar (typos tolerated), best match first, from the read side's trigram indexes.
 * Restaurants search their own orders, drivers theirs. Ranked, so one page ({@code limit}), no cursor.
 */
@Controller("/api/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SearchController {

    private final ReadStoreSearch store;
    private final QueryConfig config;

    public SearchController(ReadStoreSearch store, QueryConfig config) {
        this.store = store;
        this.config = config;
    }

    @Get("/search")
    public HttpResponse<String> search(@Nullable @QueryValue String q, @Nullable @QueryValue Integer limit,
                                       @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        String text = Params.text("q", q, 100);
        if (text == null) {
            throw ApiException.badRequest("q", "q must be 1 to 100 characters");
        }
        int max = Params.limit(limit, config.getDefaultLimit(), config.getMaxLimit());
        Long restaurantId = caller.role() == Role.RESTAURANT ? caller.id() : null;
        Long driverId = caller.role() == Role.DRIVER ? caller.id() : null;
        ReadStoreOrders.Page page = store.search(text, restaurantId, driverId, max);
        return ViewResponse.ok(ViewJson.page(page.views(), null), Source.READ_STORE, page.newest(), false);
    }
}
