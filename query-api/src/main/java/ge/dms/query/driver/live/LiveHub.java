package ge.dms.query.driver.live;

import ge.dms.query.QueryConfig;
import ge.dms.query.infra.Redis;
import ge.dms.query.infra.RedisGateway;
import ge.dms.schemas.trace.Correlation;
import ge.dms.schemas.view.RedisKeys;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.UnblockType;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Fans the Redis change streams (one per driver, one per restaurant board, one for the dispatcher queue) out to
 * this instance's live clients. One reader thread holds a dedicated connection blocked in {@code XREAD BLOCK} over
 * every stream with a client here, so a change is pushed the moment the projections' XADD lands (no polling timer).
 * When a stream's first client arrives the blocked read is interrupted with {@code CLIENT UNBLOCK}
 * and re-issued with the new stream. Redis failures close the feeds ("try again later": clients
 * resume with their cursor) and the reader reconnects with a backoff.
 */
@Singleton
public class LiveHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
    /** One DEBUG line per change read, with its request and order id in the MDC; off unless switched on. */
    private static final Logger TRACE = LoggerFactory.getLogger(Correlation.TRACE_LOGGER);
    /** Safety net only: a read re-issues at least this often, so a missed wake-up costs at most this. */
    private static final Duration BLOCK = Duration.ofSeconds(5);
    private static final Duration RECONNECT_BACKOFF = Duration.ofSeconds(1);

    private final RedisGateway gateway;
    private final QueryConfig config;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final Object idle = new Object();
    private volatile long generation;
    private volatile long readGeneration = -1;
    private volatile long readerClientId = -1;
    private volatile boolean running = true;
    private Thread reader;

    public LiveHub(RedisGateway gateway, QueryConfig config) {
        this.gateway = gateway;
        this.config = config;
    }

    /**
     * Starts a feed of the stream {@code key} after {@code after} (a stream id), or from now when null. The caller
     * has checked that its client may read that stream. Throws Redis.RedisUnavailableException when Redis cannot be reached.
     */
    public LiveFeed open(String key, String after) {
        LiveFeed feed = new LiveFeed(key, this, config.getLiveBuffer(), after);
        String tail = tail(key);
        boolean added;
        synchronized (channels) {
            Channel channel = channels.get(key);
            added = channel == null;
            if (added) {
                channel = new Channel(key, tail);
                channels.put(key, channel);
            }
            channel.feeds.add(feed);
            generation++;
        }
        feed.start(tail);
        startReader();
        if (added) {
            wake(generation);
        }
        return feed;
    }

    public void close(LiveFeed feed) {
        synchronized (channels) {
            Channel channel = channels.get(feed.streamKey());
            if (channel != null && channel.feeds.remove(feed) && channel.feeds.isEmpty()) {
                channels.remove(feed.streamKey()); // the reader drops it on its next read
                generation++;
            }
        }
    }

    /** The oldest retained entry id of a stream, or null when it is empty. */
    public String oldest(String key) {
        List<StreamMessage<String, String>> first = range(key,
                Range.create("-", "+"), Limit.create(0, 1));
        return first.isEmpty() ? null : first.getFirst().getId();
    }

    List<StreamMessage<String, String>> range(String key, Range<String> range, Limit limit) {
        return Redis.await(commands().xrange(key, range, limit), config.getRedisTimeout());
    }

    private String tail(String key) {
        List<StreamMessage<String, String>> last = Redis.await(commands().xrevrange(key, Range.create("-", "+"),
                Limit.create(0, 1)), config.getRedisTimeout());
        return last.isEmpty() ? StreamIds.ZERO : last.getFirst().getId();
    }

    /** The key layout the streams are named by (for {@link LiveScope}). */
    public RedisKeys keys() {
        return gateway.keys();
    }

    private RedisAsyncCommands<String, String> commands() {
        return gateway.commands().orElseThrow(() -> new Redis.RedisUnavailableException(new IllegalStateException("Redis not connected")));
    }

    /** Makes the reader pick up the new stream now: unblocks its XREAD until it has read with this generation. */
    private void wake(long wanted) {
        synchronized (idle) {
            idle.notifyAll();
        }
        for (int attempt = 0; attempt < 500 && readGeneration < wanted && running; attempt++) {
            long id = readerClientId;
            try {
                if (id >= 0 && Redis.await(commands().clientUnblock(id, UnblockType.TIMEOUT), config.getRedisTimeout()) == 1) {
                    return;
                }
            } catch (RuntimeException e) {
                return; // the reader's own timeout picks it up
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized void startReader() {
        if (reader == null) {
            reader = Thread.ofPlatform().daemon().name("live-hub-reader").start(this::readLoop);
        }
    }

    private void readLoop() {
        StatefulRedisConnection<String, String> connection = null;
        while (running) {
            try {
                if (connection == null) {
                    connection = gateway.dedicatedConnection(BLOCK.plus(Duration.ofSeconds(5)));
                    readerClientId = connection.sync().clientId();
                }
                readOnce(connection);
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.warn("Live reader lost Redis, closing live feeds (clients resume with their cursor): {}", e.toString());
                failAll();
                if (connection != null) {
                    connection.close();
                    connection = null;
                    readerClientId = -1;
                }
                sleep(RECONNECT_BACKOFF);
            }
        }
        if (connection != null) {
            connection.close();
        }
    }

    private void readOnce(StatefulRedisConnection<String, String> connection) {
        long gen = generation;
        List<Channel> snapshot = new ArrayList<>(channels.values());
        if (snapshot.isEmpty()) {
            readGeneration = gen;
            synchronized (idle) {
                if (channels.isEmpty() && running) {
                    try {
                        idle.wait(BLOCK.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        running = false;
                    }
                }
            }
            return;
        }
        @SuppressWarnings("unchecked")
        XReadArgs.StreamOffset<String>[] offsets = snapshot.stream()
                .map(c -> XReadArgs.StreamOffset.from(c.key, c.lastId)).toArray(XReadArgs.StreamOffset[]::new);
        readGeneration = gen;
        List<StreamMessage<String, String>> messages = connection.sync()
                .xread(XReadArgs.Builder.block(BLOCK).count(500), offsets);
        for (StreamMessage<String, String> m : messages) {
            Channel channel = channels.get(m.getStream());
            if (channel == null || StreamIds.compare(m.getId(), channel.lastId) <= 0) {
                continue;
            }
            channel.lastId = m.getId();
            LiveMessage message = LiveMessage.change(m.getId(), m.getBody());
            for (LiveFeed feed : channel.feeds) {
                feed.offer(message);
            }
            if (TRACE.isDebugEnabled()) {
                trace(m, channel.feeds.size());
            }
        }
    }

    private static void trace(StreamMessage<String, String> m, int clients) {
        String requestId = m.getBody().get(Correlation.STREAM_FIELD);
        if (requestId != null) {
            MDC.put(Correlation.MDC_REQUEST_ID, requestId);
        }
        MDC.put(Correlation.MDC_ORDER_ID, m.getBody().getOrDefault("orderId", ""));
        try {
            TRACE.debug("change {} of order v{} from {} ({}) offered to {} live clients", m.getBody().get("change"),
                    m.getBody().get("version"), m.getStream(), m.getId(), clients);
        } finally {
            MDC.remove(Correlation.MDC_REQUEST_ID);
            MDC.remove(Correlation.MDC_ORDER_ID);
        }
    }

    private void failAll() {
        synchronized (channels) {
            for (Channel channel : channels.values()) {
                for (LiveFeed feed : channel.feeds) {
                    feed.close(new FeedClosedException("redis unavailable", feed.cursor(), true));
                }
            }
            channels.clear();
            generation++;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    @Override
    public void close() {
        running = false;
        synchronized (idle) {
            idle.notifyAll();
        }
        failAll();
        Thread r = reader;
        if (r != null) {
            long id = readerClientId;
            if (id >= 0) {
                gateway.commands().ifPresent(c -> c.clientUnblock(id, UnblockType.TIMEOUT));
            }
            try {
                r.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class Channel {
        final String key;
        volatile String lastId;
        final Set<LiveFeed> feeds = new CopyOnWriteArraySet<>();

        Channel(String key, String lastId) {
            this.key = key;
            this.lastId = lastId;
        }
    }
}
