package ge.dms.query.catalogue;

import ge.dms.http.token.Caller;
import ge.dms.query.QueryConfig;
import ge.dms.query.http.ApiException;
import ge.dms.query.http.Cursor;
import ge.dms.query.http.ListPage;
import ge.dms.query.http.Params;
import ge.dms.query.http.ViewResponse;
import ge.dms.query.http.ViewResponse.Source;
import ge.dms.query.infra.Redis.RedisUnavailableException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Optional;

/**
 * {@code GET /api/products} and {@code GET /api/products/{id}}: the catalogue, {@code {"products":[ProductView…],
 * "nextCursor":…}} sorted by id ({@code product-view.v1.schema.json}: price and unit in every row). Restaurants
 * (and drivers) see active products only; admins every product, or {@code ?active=} ones. The unfiltered active
 * list (optionally one category) comes from Redis; name search, the admins' lists and the fallback when Redis is
 * down from the read side.
 */
@Controller("/api/products")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProductController {

    private final RedisCatalogue redis;
    private final ReadStoreCatalogue readStore;
    private final QueryConfig config;

    public ProductController(RedisCatalogue redis, ReadStoreCatalogue readStore, QueryConfig config) {
        this.redis = redis;
        this.readStore = readStore;
        this.config = config;
    }

    @Get
    public HttpResponse<String> products(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                         @Nullable @QueryValue String category, @Nullable @QueryValue String q,
                                         @Nullable @QueryValue String active, @Nullable @QueryValue String cursor,
                                         @Nullable @QueryValue Integer limit) {
        ProductFilter filter = new ProductFilter(ProductFilter.category(category), ProductFilter.query(q),
                activeFilter(caller, active), Cursor.decode(cursor),
                Params.limit(limit, config.getDefaultLimit(), config.getMaxLimit()));
        if (filter.hotList()) {
            try {
                return answer(redis.page(filter), Source.REDIS);
            } catch (RedisUnavailableException e) {
                return answer(readStore.page(filter), Source.READ_STORE_FALLBACK);
            }
        }
        return answer(readStore.page(filter), Source.READ_STORE);
    }

    @Get("/{id}")
    public HttpResponse<String> product(@PathVariable String id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        long productId = Params.optionalId("id", id);
        Source source = Source.REDIS;
        Optional<RedisCatalogue.Found> found;
        try {
            found = redis.find(productId);
        } catch (RedisUnavailableException e) {
            found = Optional.empty();
            source = Source.READ_STORE_FALLBACK;
        }
        if (found.isEmpty()) {
            // Not in Redis (not yet written there, or Redis down): the read side is the other copy of the view.
            found = readStore.find(productId);
            source = source == Source.REDIS ? Source.READ_STORE : source;
        }
        RedisCatalogue.Found product = found.filter(p -> caller.isAdmin() || p.active())
                .orElseThrow(() -> ApiException.notFound("no product " + productId));
        return ViewResponse.ok(product.json(), source, product.commitTime(), false);
    }

    /** Non-admins always get the active catalogue; admins choose (absent: every product). */
    private static Boolean activeFilter(Caller caller, String active) {
        Boolean wanted = Params.optionalBoolean("active", active);
        if (!caller.isAdmin()) {
            if (Boolean.FALSE.equals(wanted)) {
                throw ApiException.forbidden("only admins may list inactive products");
            }
            return true;
        }
        return wanted;
    }

    private static HttpResponse<String> answer(ListPage page, Source source) {
        return ViewResponse.ok(page.json("products"), source, page.newest(), false);
    }
}
