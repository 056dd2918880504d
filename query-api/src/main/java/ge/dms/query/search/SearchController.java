package ge.dms.query.search;

import ge.dms.http.token.Caller;
import ge.dms.query.QueryConfig;
import ge.dms.query.http.ApiException;
import ge.dms.query.http.Params;
import ge.dms.query.http.ViewResponse;
import ge.dms.query.http.ViewResponse.Source;
import ge.dms.query.infra.ReadStore;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * {@code GET /api/orders/search?q=}: orders by reference or restaurant name, substring or
 * trigram-similar (typos tolerated), best match first, from the read side's trigram indexes.
 * Restaurants search their own orders, drivers theirs. Ranked, so one page ({@code limit}), no cursor.
 */
@Controller("/api/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SearchController {

    private static final String SQL = """
            SELECT view::text, source_commit_time FROM order_view
            WHERE (reference ILIKE ? OR restaurant_name ILIKE ? OR reference % ? OR restaurant_name % ?) {scope}
            ORDER BY greatest(similarity(reference, ?), similarity(coalesce(restaurant_name, ''), ?)) DESC, order_id DESC
            LIMIT ?
            """;

    private final ReadStore store;
    private final QueryConfig config;

    public SearchController(ReadStore store, QueryConfig config) {
        this.store = store;
        this.config = config;
    }

    @Get("/search")
    public HttpResponse<String> search(@Nullable @QueryValue String q, @Nullable @QueryValue Integer limit,
                                       @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        if (q == null || q.isBlank() || q.length() > 100) {
            throw ApiException.badRequest("q", "q must be 1 to 100 characters");
        }
        int max = Params.limit(limit, config.getDefaultLimit(), config.getMaxLimit());
        String scope = switch (caller.role()) {
            case ADMIN -> "";
            case RESTAURANT -> "AND restaurant_id = ?";
            case DRIVER -> "AND driver_id = ?";
        };
        String text = q.trim();
        String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(SQL.replace("{scope}", scope))) {
            int i = 1;
            ps.setString(i++, like);
            ps.setString(i++, like);
            ps.setString(i++, text);
            ps.setString(i++, text);
            if (!caller.isAdmin()) {
                ps.setLong(i++, caller.id());
            }
            ps.setString(i++, text);
            ps.setString(i++, text);
            ps.setInt(i, max);
            ReadStoreOrders.Page page = ReadStoreOrders.collect(ps);
            return ViewResponse.ok(ViewJson.page(page.views(), null), Source.READ_STORE, page.newest(), false);
        } catch (SQLException e) {
            throw ReadStoreOrders.unavailable(e);
        }
    }
}
