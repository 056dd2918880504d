package ge.dms.query.dispatch;

import ge.dms.http.token.Caller;
import ge.dms.query.QueryConfig;
import ge.dms.query.board.BoardFilter;
import ge.dms.query.board.Boards;
import ge.dms.query.http.Cursor;
import ge.dms.query.http.Params;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;

import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/dispatch/orders}: the dispatcher queue, one board across every restaurant, for admins. The same
 * rows, cursors and filters as the restaurant board, plus {@code restaurantId} and {@code unassigned=true}; the
 * named queues are one call each: "pending to confirm" is {@code status=pending}, "ready, no driver"
 * {@code status=ready&unassigned=true}. One open status is served from Redis (the projections' dispatcher indexes),
 * everything else (all statuses, delivered/cancelled, a driver) from the read side.
 */
@Controller("/api/dispatch")
public class DispatchController {

    private final Boards boards;
    private final QueryConfig config;

    public DispatchController(Boards boards, QueryConfig config) {
        this.boards = boards;
        this.config = config;
    }

    @Get("/orders")
    public CompletableFuture<HttpResponse<byte[]>> queue(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                      @Nullable @QueryValue String status, @Nullable @QueryValue String unassigned,
                                      @Nullable @QueryValue String restaurantId, @Nullable @QueryValue String driverId,
                                      @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                      @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        caller.requireAdmin();
        var fromInstant = Params.instant("from", from);
        var toInstant = Params.instant("to", to);
        Params.range(fromInstant, toInstant);
        BoardFilter filter = new BoardFilter(Params.optionalId("restaurantId", restaurantId), status, fromInstant, toInstant,
                Params.optionalId("driverId", driverId), Params.flag("unassigned", unassigned), Cursor.decode(cursor),
                Params.limit(limit, config.getDefaultLimit(), config.getMaxLimit()));
        return boards.answer(filter);
    }
}
