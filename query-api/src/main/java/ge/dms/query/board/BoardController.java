package ge.dms.query.board;

import ge.dms.http.token.Caller;
import ge.dms.query.QueryConfig;
import ge.dms.query.http.Cursor;
import ge.dms.query.http.Params;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;

import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/restaurants/{id}/orders}: the restaurant's board, newest first, by opaque cursor:
 * {@code {"orders":[BoardRow…],"nextCursor":…}} ({@link ge.dms.schemas.view.BoardRow}, the list
 * columns; the whole order with its items is {@code GET /api/orders/{id}}). Redis answers unless a
 * driver filter asks for the read side's index, or Redis is down; both give the same rows. Runs on the event loop:
 * only a read-side answer takes a blocking thread ({@link Boards}).
 */
@Controller("/api/restaurants")
public class BoardController {

    private final Boards boards;
    private final QueryConfig config;

    public BoardController(Boards boards, QueryConfig config) {
        this.boards = boards;
        this.config = config;
    }

    @Get("/{id:[0-9]+}/orders")
    public CompletableFuture<HttpResponse<byte[]>> board(@PathVariable long id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                      @Nullable @QueryValue String status, @Nullable @QueryValue String from,
                                      @Nullable @QueryValue String to, @Nullable @QueryValue String driverId,
                                      @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        caller.requireRestaurant(id);
        var fromInstant = Params.instant("from", from);
        var toInstant = Params.instant("to", to);
        Params.range(fromInstant, toInstant);
        BoardFilter filter = new BoardFilter(id, status, fromInstant, toInstant, Params.optionalId("driverId", driverId),
                Cursor.decode(cursor), Params.limit(limit, config.getDefaultLimit(), config.getMaxLimit()));
        return boards.answer(filter);
    }
}
