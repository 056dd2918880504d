package ge.dms.query.order;

import ge.dms.query.QueryConfig;
import ge.dms.query.http.ApiException;
import ge.dms.query.http.ViewResponse.Source;
import ge.dms.query.infra.Redis;
import ge.dms.query.infra.Redis.RedisUnavailableException;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One order: Redis first, the read side when Redis cannot answer. With a minimum version
 * (read-your-writes) it waits, up to {@code dms.query.consistency-max-wait}, for the view to catch
 * up, re-reading with a short backoff; on timeout it answers what it holds, marked stale. No thread
 * is held meanwhile: only the read side's JDBC runs on the blocking executor.
 */
@Singleton
public class OrderQueries {

    private static final Logger LOG = LoggerFactory.getLogger(OrderQueries.class);

    private final RedisOrders redis;
    private final ReadStoreOrders readStore;
    private final Duration maxWait;
    private final ExecutorService blocking;

    public OrderQueries(RedisOrders redis, ReadStoreOrders readStore, QueryConfig config,
                        @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.redis = redis;
        this.readStore = readStore;
        this.maxWait = config.getConsistencyMaxWait();
        this.blocking = blocking;
    }

    /** {@link #findAsync}, waited for: for callers already on a blocking thread. */
    public Answer find(long orderId, Long minVersion) {
        try {
            return findAsync(orderId, minVersion).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * The order without holding a thread while Redis answers or while it waits for {@code minVersion}: Redis is read on
     * Lettuce's event loop, the read side on the blocking executor, the re-reads scheduled after their backoff.
     */
    public CompletableFuture<Answer> findAsync(long orderId, Long minVersion) {
        return attempt(orderId, minVersion, System.nanoTime() + maxWait.toNanos(), 2);
    }

    private CompletableFuture<Answer> attempt(long orderId, Long minVersion, long deadline, long backoffMs) {
        return read(orderId).thenCompose(answer -> {
            boolean caughtUp = minVersion == null || (answer.order() != null && answer.order().version() >= minVersion);
            long left = deadline - System.nanoTime();
            if (caughtUp) {
                return CompletableFuture.completedFuture(answer);
            }
            if (left <= 0) {
                return CompletableFuture.completedFuture(new Answer(answer.order(), answer.source(), true));
            }
            Executor later = CompletableFuture.delayedExecutor(Math.min(backoffMs, Math.max(1, left / 1_000_000)), TimeUnit.MILLISECONDS);
            return CompletableFuture.runAsync(() -> { }, later)
                    .thenCompose(ignored -> attempt(orderId, minVersion, deadline, Math.min(backoffMs * 2, 50)));
        });
    }

    private CompletableFuture<Answer> read(long orderId) {
        CompletableFuture<Optional<StoredOrder>> fromRedis;
        try {
            fromRedis = redis.findAsync(orderId);
        } catch (RedisUnavailableException e) { // not connected: known before anything is sent
            return fromReadStore(orderId, Source.READ_STORE_FALLBACK, e);
        }
        return fromRedis.handle((found, error) -> {
            if (error == null) {
                return found.isPresent() ? CompletableFuture.completedFuture(new Answer(found.get(), Source.REDIS, false))
                        // Not in Redis (evicted, or not yet projected there): the read side may still hold it.
                        : fromReadStore(orderId, Source.READ_STORE, null);
            }
            Throwable cause = Redis.unwrap(error);
            return cause instanceof RedisUnavailableException unavailable ? fromReadStore(orderId, Source.READ_STORE_FALLBACK, unavailable)
                    : CompletableFuture.<Answer>failedFuture(cause);
        }).thenCompose(Function.identity());
    }

    private CompletableFuture<Answer> fromReadStore(long orderId, Source source, RedisUnavailableException cause) {
        if (cause != null) {
            LOG.debug("Redis unavailable for order {}: {}", orderId, cause.getMessage());
        }
        return CompletableFuture.supplyAsync(() -> new Answer(readStore.find(orderId).orElse(null), source, false), blocking);
    }

    /** The order (null when unknown), where it came from, and whether it is older than asked for. */
    public record Answer(StoredOrder order, Source source, boolean stale) {
        public StoredOrder orThrow(long orderId) {
            if (order == null) {
                throw ApiException.notFound("order " + orderId + " not found");
            }
            return order;
        }
    }
}
