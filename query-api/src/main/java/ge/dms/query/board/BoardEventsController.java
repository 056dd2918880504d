package ge.dms.query.board;

import ge.dms.http.token.Caller;
import ge.dms.query.QueryConfig;
import ge.dms.query.driver.live.LiveScope;
import ge.dms.query.driver.live.LiveSessions;
import ge.dms.query.driver.sse.LiveEvents;
import ge.dms.query.infra.RedisGateway;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.reactivestreams.Publisher;

/**
 * {@code GET /api/restaurants/{id}/board/events}: the restaurant board's live feed (SSE), for the restaurant itself
 * or an admin. Every change to one of its orders, with the new board row, from the restaurant's Redis change stream;
 * the same cursors, resume and cut-off rules as the driver feed ({@link LiveEvents}). The caller is checked once,
 * here: the stream holds only this restaurant's orders, so no event needs a look-up.
 */
@Controller("/api/restaurants")
public class BoardEventsController {

    private final LiveSessions sessions;
    private final RedisGateway gateway;
    private final QueryConfig config;

    public BoardEventsController(LiveSessions sessions, RedisGateway gateway, QueryConfig config) {
        this.sessions = sessions;
        this.gateway = gateway;
        this.config = config;
    }

    @Get(value = "/{id:[0-9]+}/board/events", produces = MediaType.TEXT_EVENT_STREAM)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public Publisher<Event<String>> events(@PathVariable long id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                           @Nullable @Header("Last-Event-ID") String lastEventId,
                                           @Nullable @QueryValue String after) {
        caller.requireRestaurant(id);
        return LiveEvents.stream(sessions, LiveScope.restaurantBoard(gateway.keys(), id),
                LiveEvents.resumeAfter(lastEventId, after), caller, config.getPingInterval());
    }
}
