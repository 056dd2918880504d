package ge.dms.query.driver.sse;

import ge.dms.query.QueryConfig;
import ge.dms.query.driver.live.FeedClosedException;
import ge.dms.query.driver.live.LiveFeed;
import ge.dms.query.driver.live.LiveMessage;
import ge.dms.query.driver.live.LiveSessions;
import ge.dms.query.security.Caller;
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
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;

/**
 * {@code GET /api/drivers/{id}/events}: the SSE twin of the live socket. Event ids are cursors, so
 * a browser's EventSource resumes by itself with {@code Last-Event-ID}; {@code ?after=} works too.
 * Messages are generated only on demand (Flux.generate on a virtual thread), so a slow reader
 * stops the pulls, its bounded queue fills, and it is sent a closing event and ended.
 */
@Controller("/api/drivers")
public class DriverEventsController {

    private static final Scheduler VIRTUAL = Schedulers.fromExecutor(Executors.newVirtualThreadPerTaskExecutor(), true);

    private final LiveSessions sessions;
    private final QueryConfig config;

    public DriverEventsController(LiveSessions sessions, QueryConfig config) {
        this.sessions = sessions;
        this.config = config;
    }

    @Get(value = "/{id:[0-9]+}/events", produces = MediaType.TEXT_EVENT_STREAM)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public Publisher<Event<String>> events(@PathVariable long id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                           @Nullable @Header("Last-Event-ID") String lastEventId,
                                           @Nullable @QueryValue String after) {
        caller.requireDriver(id);
        LiveSessions.Opened opened = sessions.open(id, lastEventId != null && !lastEventId.isBlank() ? lastEventId : after, caller);
        LiveFeed feed = opened.feed();
        Deque<LiveMessage> first = new ArrayDeque<>();
        first.add(opened.hello());
        if (opened.resync() != null) {
            first.add(opened.resync());
        }
        return Flux.<Event<String>>generate(sink -> {
            LiveMessage m = first.poll();
            try {
                if (m == null) {
                    m = feed.next(config.getPingInterval());
                }
                sink.next(m == null ? Event.of("{}").name("ping") : event(m));
            } catch (FeedClosedException e) {
                sink.next(event(LiveMessage.closing(e.cursor(), e.getMessage())));
                sink.complete();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sink.complete();
            }
        }).subscribeOn(VIRTUAL).doFinally(signal -> {
            feed.close(new FeedClosedException("client gone", feed.cursor(), false));
            sessions.close(feed);
        });
    }

    private static Event<String> event(LiveMessage m) {
        Event<String> e = Event.of(m.json()).name(m.event());
        return m.cursor() == null ? e : e.id(m.cursor());
    }
}
