package ge.dms.bench.baseline;

import io.micronaut.context.annotation.Requires;
import ge.dms.bench.board.BoardQuery;
import ge.dms.http.token.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Instant;

/** {@code GET /api/restaurants/{id}/orders}: the query API's board parameters and page, answered by {@link BaselineBoard}. */
@Requires(property = Baseline.ENABLED, value = "true")
@Controller("/api/restaurants")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BaselineBoardController {

    private final BaselineBoard board;

    public BaselineBoardController(BaselineBoard board) {
        this.board = board;
    }

    @Get("/{id:[0-9]+}/orders")
    public HttpResponse<String> board(@PathVariable long id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                      @Nullable @QueryValue String status, @Nullable @QueryValue String from,
                                      @Nullable @QueryValue String to, @Nullable @QueryValue String driverId,
                                      @Nullable @QueryValue String cursor, @Nullable @QueryValue String limit) {
        caller.requireRestaurant(id);
        BoardQuery q = query(id, status, from, to, driverId, cursor, limit);
        return Answers.json(() -> board.page(q));
    }

    /** The request as the bench's board query; every bad parameter is a 400 before anything is asked. */
    static BoardQuery query(long restaurant, String status, String from, String to, String driverId, String cursor, String limit) {
        Instant start = BaselineParams.instant("from", from);
        Instant end = BaselineParams.instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw BaselineProblem.badRequest("from", "from must be before to");
        }
        BoardQuery q = BoardQuery.firstPage("baseline", restaurant, BaselineParams.limit(limit)).withStatus(BaselineParams.status(status))
                .withRange(start, end);
        Long driver = BaselineParams.id("driverId", driverId);
        if (driver != null) {
            q = q.withDriver(driver);
        }
        BaselineParams.Position after = BaselineParams.cursor(cursor);
        return after == null ? q : q.after(cursor, after.createdAt(), after.orderId());
    }
}
