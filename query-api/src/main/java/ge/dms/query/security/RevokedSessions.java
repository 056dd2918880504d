package ge.dms.query.security;

import ge.dms.query.infra.RedisReconnects;
import io.lettuce.core.resource.ClientResources;
import ge.dms.query.infra.RedisConfig;
import ge.dms.schemas.view.RedisKeys;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The signed-out sessions, in memory, so a revoked token is refused without a database or Redis
 * read per request or live event. The projections write each revocation to Redis
 * ({@link RedisKeys#revokedSession}, expiring with the session's last access token) and publish it on
 * {@link RedisKeys#sessionRevocationsChannel}. This instance subscribes to the channel and, each time
 * the subscription is (re)established (start, and every reconnect, when messages may have been
 * missed), loads every key with SCAN: subscribing first, then scanning, leaves no gap between the two.
 *
 * <p>Until the first load has succeeded (Redis unreachable since start) nothing is known to be
 * revoked: session tokens are accepted as signature and expiry allow, the same degradation as the
 * views; a warning says so. Live feeds of a session are closed when its revocation arrives ({@link #watch}).
 */
@Singleton
public class RevokedSessions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RevokedSessions.class);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration PRUNE = Duration.ofMinutes(1);

    private final RedisKeys keys;
    private final ClientResources resources = RedisReconnects.resources();
    private final RedisClient client;
    private final Map<String, Long> revoked = new ConcurrentHashMap<>();
    private final Map<String, Set<Runnable>> watchers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("revoked-sessions").factory());
    private volatile StatefulRedisPubSubConnection<String, String> subscription;
    private volatile boolean loaded;
    private volatile boolean warned;

    public RevokedSessions(RedisConfig config) {
        this.keys = new RedisKeys(config.getKeyPrefix());
        RedisURI uri = RedisURI.create(config.getUrl());
        uri.setClientName("dms-query-revoked-sessions"); // CLIENT LIST shows who holds the subscription
        this.client = RedisClient.create(resources, uri);
        // Reconnects by itself and subscribes again; each confirmation reloads the set (subscribed() below).
        client.setOptions(ClientOptions.builder().autoReconnect(true).build());
        scheduler.execute(this::subscribe);
        scheduler.scheduleWithFixedDelay(this::prune, PRUNE.toMillis(), PRUNE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True when the session was signed out (and its tokens could still be unexpired). */
    public boolean isRevoked(String sessionId) {
        Long expiresMs = revoked.get(sessionId);
        return expiresMs != null && expiresMs > System.currentTimeMillis();
    }

    /** True once the set was loaded from Redis at least once. */
    public boolean isLoaded() {
        return loaded;
    }

    /**
     * Runs {@code onRevoked} (once, on this class's thread) when the session is revoked; close the
     * returned handle when the feed ends. Already revoked: runs it now.
     */
    public AutoCloseable watch(String sessionId, Runnable onRevoked) {
        Set<Runnable> set = watchers.computeIfAbsent(sessionId, id -> new CopyOnWriteArraySet<>());
        set.add(onRevoked);
        if (isRevoked(sessionId)) {
            notify(sessionId);
        }
        return () -> watchers.computeIfPresent(sessionId, (id, s) -> {
            s.remove(onRevoked);
            return s.isEmpty() ? null : s;
        });
    }

    private void subscribe() {
        StatefulRedisPubSubConnection<String, String> connection = null;
        try {
            connection = client.connectPubSub();
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    apply(message);
                }

                @Override
                public void subscribed(String channel, long count) {
                    // Off Lettuce's event loop: the load issues blocking commands.
                    scheduler.execute(RevokedSessions.this::load);
                }
            });
            connection.sync().subscribe(keys.sessionRevocationsChannel());
            subscription = connection;
        } catch (RuntimeException e) {
            if (connection != null) {
                connection.close();
            }
            if (!warned) {
                warned = true;
                LOG.warn("Cannot subscribe to session revocations yet (Redis unreachable), retrying each second: {}", e.toString());
            }
            scheduler.schedule(this::subscribe, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void load() {
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            var redis = connection.sync();
            int count = 0;
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(keys.revokedSessionPattern()).limit(1000));
                List<String> found = page.getKeys();
                if (!found.isEmpty()) {
                    var values = redis.mget(found.toArray(String[]::new));
                    for (var value : values) {
                        if (value.hasValue()) {
                            add(value.getKey().substring(keys.revokedSession("").length()), Long.parseLong(value.getValue()));
                            count++;
                        }
                    }
                }
                cursor = page;
            } while (!cursor.isFinished());
            loaded = true;
            LOG.info("Loaded {} revoked sessions from Redis", count);
        } catch (RuntimeException e) {
            LOG.warn("Loading revoked sessions failed, retrying: {}", e.toString());
            scheduler.schedule(this::load, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A channel message: {@code <session id>|<expiry epoch ms>}. */
    private void apply(String message) {
        int bar = message.lastIndexOf('|');
        try {
            add(message.substring(0, bar), Long.parseLong(message.substring(bar + 1)));
        } catch (RuntimeException e) {
            LOG.warn("Ignoring a malformed session revocation message: {}", message);
        }
    }

    private void add(String sessionId, long expiresMs) {
        if (revoked.put(sessionId, expiresMs) == null) {
            scheduler.execute(() -> notify(sessionId));
        }
    }

    private void notify(String sessionId) {
        Set<Runnable> set = watchers.remove(sessionId);
        if (set != null) {
            set.forEach(Runnable::run);
        }
    }

    private void prune() {
        long now = System.currentTimeMillis();
        revoked.values().removeIf(expiresMs -> expiresMs <= now);
    }

    @PreDestroy
    @Override
    public void close() {
        scheduler.shutdownNow();
        if (subscription != null) {
            subscription.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
