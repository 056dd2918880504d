package ge.dms.query.driver.sse;

import ge.dms.http.token.Caller;
import ge.dms.query.QueryConfig;
import ge.dms.query.driver.live.LiveScope;
import ge.dms.query.driver.live.LiveSessions;
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

/** {@code GET /api/drivers/{id}/events}: the SSE twin of the live socket ({@link LiveEvents}). */
@Controller("/api/drivers")
public class DriverEventsController {

    private final LiveSessions sessions;
    private final RedisGateway gateway;
    private final QueryConfig config;

    public DriverEventsController(LiveSessions sessions, RedisGateway gateway, QueryConfig config) {
        this.sessions = sessions;
        this.gateway = gateway;
        this.config = config;
    }

    @Get(value = "/{id:[0-9]+}/events", produces = MediaType.TEXT_EVENT_STREAM)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public Publisher<Event<String>> events(@PathVariable long id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                           @Nullable @Header("Last-Event-ID") String lastEventId,
                                           @Nullable @QueryValue String after) {
        caller.requireDriver(id);
        return LiveEvents.stream(sessions, LiveScope.driver(gateway.keys(), id), LiveEvents.resumeAfter(lastEventId, after),
                caller, config.getPingInterval());
    }
}
