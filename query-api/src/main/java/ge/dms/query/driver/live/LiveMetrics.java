package ge.dms.query.driver.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Context;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live feeds as an operator sees them, tagged by {@code feed} (driver, restaurant, dispatch):
 * {@code dms.live.clients} connected now, {@code dms.live.resumes} (opened with a cursor),
 * {@code dms.live.resyncs} (the cursor was older than the stream), {@code dms.live.cutoffs} by
 * {@code reason} (slow_consumer, redis_unavailable, session_revoked, server_error), and two histograms
 * of each change message written to a socket: {@code dms.live.redis.to.socket} (the projections handed
 * the view to Redis → written here: hop 6a) and {@code dms.live.commit.to.socket} (the source commit →
 * written here: the end-to-end figure a driver sees, short of the network).
 */
@Context // built at start-up, so the series exist (at 0) before the first client connects
public class LiveMetrics {

    private static final String[] FEEDS = {"driver", "restaurant", "dispatch"};
    private static final String[] CUTOFF_REASONS = {"slow_consumer", "redis_unavailable", "session_revoked", "server_error"};

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> clients = new ConcurrentHashMap<>();
    private final Map<String, Counter> resumes = new ConcurrentHashMap<>();
    private final Map<String, Counter> resyncs = new ConcurrentHashMap<>();
    private final Map<String, Counter> cutoffs = new ConcurrentHashMap<>();
    private final Timer redisToSocket;
    private final Timer commitToSocket;

    public LiveMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String feed : FEEDS) {
            AtomicInteger connected = new AtomicInteger();
            clients.put(feed, connected);
            Gauge.builder("dms.live.clients", connected, AtomicInteger::get).tag("feed", feed)
                    .description("live feeds open on this instance").register(registry);
            // Registered up front, so each series exists at 0 and rate() has a start.
            resumes.put(feed, Counter.builder("dms.live.resumes").tag("feed", feed).description("feeds opened with a cursor")
                    .register(registry));
            resyncs.put(feed, Counter.builder("dms.live.resyncs").tag("feed", feed)
                    .description("cursors older than the stream still held").register(registry));
        }
        for (String reason : CUTOFF_REASONS) {
            cutoffs.put(reason, Counter.builder("dms.live.cutoffs").tag("reason", reason).description("feeds the server ended")
                    .register(registry));
        }
        this.redisToSocket = timer("dms.live.redis.to.socket", "view handed to Redis by the projections -> change written to the socket");
        this.commitToSocket = timer("dms.live.commit.to.socket", "source commit on the write side -> change written to the socket");
    }

    /** The feed kind of a scope, as the tag says it. */
    public static String feed(LiveScope scope) {
        return switch (scope.helloField()) {
            case "driverId" -> "driver";
            case "restaurantId" -> "restaurant";
            default -> "dispatch";
        };
    }

    void opened(String feed, boolean resumed, boolean resynced) {
        clients.get(feed).incrementAndGet();
        if (resumed) {
            resumes.get(feed).increment();
        }
        if (resynced) {
            resyncs.get(feed).increment();
        }
    }

    void closed(String feed) {
        clients.get(feed).decrementAndGet();
    }

    /** A feed was ended by the server; {@code reason} is the closing message's (clients leaving are not counted). */
    public void cutOff(String reason) {
        String tag = reason == null ? "server_error" : reason.toLowerCase(Locale.ROOT);
        if (tag.startsWith("client")) {
            return;
        }
        tag = tag.startsWith("slow consumer") ? "slow_consumer"
                : tag.startsWith("redis unavailable") ? "redis_unavailable"
                : tag.startsWith("session revoked") ? "session_revoked" : "server_error";
        cutoffs.get(tag).increment();
    }

    /** {@code m} was just written to a socket at {@code sentMs}. */
    public void sent(LiveMessage m, long sentMs) {
        if (m.emitMs() > 0) {
            redisToSocket.record(Math.max(0, sentMs - m.emitMs()), TimeUnit.MILLISECONDS);
        }
        if (m.commitMs() > 0) {
            commitToSocket.record(Math.max(0, sentMs - m.commitMs()), TimeUnit.MILLISECONDS);
        }
    }

    private Timer timer(String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60)).register(registry);
    }
}
