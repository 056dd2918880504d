package ge.dms.query.board;

import ge.dms.query.QueryConfig;
import ge.dms.query.http.Cursor;
import ge.dms.query.http.Params;
import ge.dms.query.http.ViewResponse;
import ge.dms.query.http.ViewResponse.Source;
import ge.dms.query.infra.Redis.RedisUnavailableException;
import ge.dms.query.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code GET /api/restaurants/{id}/orders}: the restaurant's board, newest first, by opaque cursor:
 * {@code {"orders":[BoardRow…],"nextCursor":…}} ({@link ge.dms.schemas.view.BoardRow}, the list
 * columns; the whole order with its items is {@code GET /api/orders/{id}}). Redis answers unless a
 * driver filter asks for the read side's index, or Redis is down; both give the same rows.
 */
@Controller("/api/restaurants")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BoardController {

    private final RedisBoard redis;
    private final ReadStoreBoard readStore;
    private final QueryConfig config;

    public BoardController(RedisBoard redis, ReadStoreBoard readStore, QueryConfig config) {
        this.redis = redis;
        this.readStore = readStore;
        this.config = config;
    }

    @Get("/{id:[0-9]+}/orders")
    public HttpResponse<byte[]> board(@PathVariable long id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                      @Nullable @QueryValue String status, @Nullable @QueryValue String from,
                                      @Nullable @QueryValue String to, @Nullable @QueryValue String driverId,
                                      @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        caller.requireRestaurant(id);
        var fromInstant = Params.instant("from", from);
        var toInstant = Params.instant("to", to);
        Params.range(fromInstant, toInstant);
        BoardFilter filter = new BoardFilter(id, status, fromInstant, toInstant, Params.optionalId("driverId", driverId),
                Cursor.decode(cursor), Params.limit(limit, config.getDefaultLimit(), config.getMaxLimit()));
        if (filter.driverId() == null) {
            try {
                return answer(redis.page(filter), Source.REDIS);
            } catch (RedisUnavailableException e) {
                return fromReadStore(filter, Source.READ_STORE_FALLBACK);
            }
        }
        return fromReadStore(filter, Source.READ_STORE);
    }

    private HttpResponse<byte[]> fromReadStore(BoardFilter filter, Source source) {
        return answer(readStore.page(filter), source);
    }

    private static HttpResponse<byte[]> answer(BoardPage page, Source source) {
        return ViewResponse.ok(page.json(), source, page.newest(), false);
    }
}
