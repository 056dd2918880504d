package ge.dms.query.dispatch;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.reactivestreams.Publisher;

/**
 * {@code GET /api/dispatch/events}: the dispatcher queue's live feed (SSE), admins only: every change to any order,
 * with its board row, from the dispatcher's Redis change stream; the same cursors, resume and cut-off rules as the
 * driver feed ({@link LiveEvents}). A screen applies each row to the queue it shows (its own filters).
 */
@Controller("/api/dispatch")
public class DispatchEventsController {

    private final LiveSessions sessions;
    private final RedisGateway gateway;
    private final QueryConfig config;

    public DispatchEventsController(LiveSessions sessions, RedisGateway gateway, QueryConfig config) {
        this.sessions = sessions;
        this.gateway = gateway;
        this.config = config;
    }

    @Get(value = "/events", produces = MediaType.TEXT_EVENT_STREAM)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public Publisher<Event<String>> events(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                           @Nullable @Header("Last-Event-ID") String lastEventId,
                                           @Nullable @QueryValue String after) {
        caller.requireAdmin();
        return LiveEvents.stream(sessions, LiveScope.dispatch(gateway.keys()), LiveEvents.resumeAfter(lastEventId, after),
                caller, config.getPingInterval());
    }
}
