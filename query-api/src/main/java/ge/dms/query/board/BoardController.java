package ge.dms.query.board;

import ge.dms.query.QueryConfig;
import ge.dms.query.http.Cursor;
import ge.dms.query.http.Params;
import ge.dms.query.http.ViewResponse;
import ge.dms.query.http.ViewResponse.Source;
import ge.dms.query.infra.Redis.RedisUnavailableException;
import ge.dms.query.infra.ViewJson;
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
 * {@code GET /api/restaurants/{id}/orders}: the restaurant's board, newest first, by opaque cursor.
 * Redis answers unless a driver filter asks for the read side's index, or Redis is down.
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
    public HttpResponse<String> board(@PathVariable long id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
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
                BoardPage page = redis.page(filter);
                return ViewResponse.ok(ViewJson.page(page.views(), page.nextCursor()), Source.REDIS,
                        ViewJson.newest(page.views()), false);
            } catch (RedisUnavailableException e) {
                return fromReadStore(filter, Source.READ_STORE_FALLBACK);
            }
        }
        return fromReadStore(filter, Source.READ_STORE);
    }

    private HttpResponse<String> fromReadStore(BoardFilter filter, Source source) {
        ReadStoreBoard.Result result = readStore.page(filter);
        return ViewResponse.ok(ViewJson.page(result.page().views(), result.page().nextCursor()), source,
                result.newest(), false);
    }
}
