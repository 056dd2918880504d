package ge.dms.query.infra;

import ge.dms.schemas.view.RedisKeys;
import ge.dms.query.QueryConfig;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * The shared Redis connection for request paths. Never fails start-up: when Redis is unreachable,
 * {@link #commands()} answers empty (and tries again at most once a second), so callers degrade to
 * the read-side PostgreSQL. Commands fail fast while disconnected instead of queueing.
 */
@Singleton
public class RedisGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisGateway.class);
    private static final long RETRY_AFTER_MS = 1000;

    private final ClientResources resources = RedisReconnects.resources();
    private final RedisClient client;
    /** For blocking reads: no fixed short command timeout (its commands wait on purpose). */
    private final RedisClient blockingClient;
    private final RedisKeys keys;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile StatefulRedisConnection<String, byte[]> binaryConnection;
    private volatile long lastFailureMs;

    public RedisGateway(RedisConfig redis, QueryConfig config) {
        String url = redis.getUrl();
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(config.getRedisTimeout());
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // Fail fast while disconnected: a queued command would hold a request until Redis returns.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(config.getRedisTimeout()))
                // A black-holed Redis must not hold a request for the 10 s default connect timeout.
                .socketOptions(SocketOptions.builder().connectTimeout(config.getRedisTimeout()).build())
                .build());
        this.blockingClient = RedisClient.create(resources, RedisURI.create(url));
        blockingClient.setOptions(ClientOptions.builder().autoReconnect(false).build());
        this.keys = new RedisKeys(redis.getKeyPrefix());
    }

    public RedisKeys keys() {
        return keys;
    }

    /** The async commands of the shared connection, or empty while Redis is unreachable. */
    public Optional<RedisAsyncCommands<String, String>> commands() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            return c.isOpen() ? Optional.of(c.async()) : Optional.empty();
        }
        return connect().map(StatefulRedisConnection::async);
    }

    private synchronized Optional<StatefulRedisConnection<String, String>> connect() {
        if (connection != null) {
            return Optional.of(connection);
        }
        if (System.currentTimeMillis() - lastFailureMs < RETRY_AFTER_MS) {
            return Optional.empty();
        }
        try {
            connection = client.connect();
            LOG.info("Connected to Redis");
            return Optional.of(connection);
        } catch (RuntimeException e) {
            lastFailureMs = System.currentTimeMillis();
            LOG.warn("Redis unreachable, answering from the read side: {}", e.toString());
            return Optional.empty();
        }
    }

    /**
     * Async commands with binary values (Bucket4j's shared rate-limit buckets), on a second connection of
     * the same client, or empty while Redis is unreachable (same back-off as {@link #commands()}).
     */
    public Optional<RedisAsyncCommands<String, byte[]>> binaryCommands() {
        StatefulRedisConnection<String, byte[]> c = binaryConnection;
        if (c != null) {
            return c.isOpen() ? Optional.of(c.async()) : Optional.empty();
        }
        return connectBinary().map(StatefulRedisConnection::async);
    }

    private synchronized Optional<StatefulRedisConnection<String, byte[]>> connectBinary() {
        if (binaryConnection != null) {
            return Optional.of(binaryConnection);
        }
        if (System.currentTimeMillis() - lastFailureMs < RETRY_AFTER_MS) {
            return Optional.empty();
        }
        try {
            binaryConnection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            return Optional.of(binaryConnection);
        } catch (RuntimeException e) {
            lastFailureMs = System.currentTimeMillis();
            LOG.warn("Redis unreachable for the shared rate limit: {}", e.toString());
            return Optional.empty();
        }
    }

    /** A new connection of its own, for blocking reads (XREAD BLOCK) that must not hold the shared one. */
    public StatefulRedisConnection<String, String> dedicatedConnection(Duration timeout) {
        StatefulRedisConnection<String, String> c = blockingClient.connect();
        c.setTimeout(timeout);
        return c;
    }

    @PreDestroy
    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
        if (binaryConnection != null) {
            binaryConnection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        blockingClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
    }
}
