package ge.dms.query.driver.sse;

import ge.dms.http.token.Caller;
import ge.dms.query.driver.live.FeedClosedException;
import ge.dms.query.driver.live.LiveFeed;
import ge.dms.query.driver.live.LiveMessage;
import ge.dms.query.driver.live.LiveScope;
import ge.dms.query.driver.live.LiveSessions;
import io.micronaut.http.sse.Event;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;

/**
 * A live feed as server-sent events, for every SSE endpoint (a driver's, a restaurant board's, the dispatcher
 * queue's). Event ids are cursors, so a browser's EventSource resumes by itself with {@code Last-Event-ID};
 * {@code ?after=} works too. Messages are generated only on demand (Flux.generate on a virtual thread), so a slow
 * reader stops the pulls, its bounded queue fills, and it is sent a closing event and ended.
 */
public final class LiveEvents {

    private static final Scheduler VIRTUAL = Schedulers.fromExecutor(Executors.newVirtualThreadPerTaskExecutor(), true);

    private LiveEvents() {
    }

    /** The cursor to resume after: {@code Last-Event-ID} when the client sent one, else {@code ?after=}. */
    public static String resumeAfter(String lastEventId, String after) {
        return lastEventId != null && !lastEventId.isBlank() ? lastEventId : after;
    }

    /** Opens the feed of {@code scope} (the caller may read it) and streams it, until the caller's session ends too. */
    public static Publisher<Event<String>> stream(LiveSessions sessions, LiveScope scope, String after, Caller caller,
                                                  Duration pingInterval) {
        LiveSessions.Opened opened = sessions.open(scope, after, caller);
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
                    m = feed.next(pingInterval);
                }
                sink.next(m == null ? Event.of("{}").name("ping") : event(m));
                if (m != null) {
                    sessions.metrics().sent(m, System.currentTimeMillis());
                }
            } catch (FeedClosedException e) {
                sessions.metrics().cutOff(e.getMessage());
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
