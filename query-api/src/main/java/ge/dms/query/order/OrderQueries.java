package ge.dms.query.order;

import ge.dms.query.QueryConfig;
import ge.dms.query.http.ApiException;
import ge.dms.query.http.ViewResponse.Source;
import ge.dms.query.infra.Redis.RedisUnavailableException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * One order: Redis first, the read side when Redis cannot answer. With a minimum version
 * (read-your-writes) it waits, up to {@code dms.query.consistency-max-wait}, for the view to catch
 * up, re-reading with a short backoff; on timeout it answers what it holds, marked stale.
 */
@Singleton
public class OrderQueries {

    private static final Logger LOG = LoggerFactory.getLogger(OrderQueries.class);

    private final RedisOrders redis;
    private final ReadStoreOrders readStore;
    private final Duration maxWait;

    public OrderQueries(RedisOrders redis, ReadStoreOrders readStore, QueryConfig config) {
        this.redis = redis;
        this.readStore = readStore;
        this.maxWait = config.getConsistencyMaxWait();
    }

    public Answer find(long orderId, Long minVersion) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long backoffMs = 2;
        while (true) {
            Answer answer = read(orderId);
            boolean caughtUp = minVersion == null || (answer.order() != null && answer.order().version() >= minVersion);
            if (caughtUp) {
                return answer;
            }
            if (System.nanoTime() >= deadline) {
                return new Answer(answer.order(), answer.source(), true);
            }
            try {
                Thread.sleep(Math.min(backoffMs, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(answer.order(), answer.source(), true);
            }
            backoffMs = Math.min(backoffMs * 2, 50);
        }
    }

    private Answer read(long orderId) {
        try {
            Optional<StoredOrder> fromRedis = redis.find(orderId);
            if (fromRedis.isPresent()) {
                return new Answer(fromRedis.get(), Source.REDIS, false);
            }
            // Not in Redis (evicted, or not yet projected there): the read side may still hold it.
            return new Answer(readStore.find(orderId).orElse(null), Source.READ_STORE, false);
        } catch (RedisUnavailableException e) {
            LOG.debug("Redis unavailable for order {}: {}", orderId, e.getMessage());
            return new Answer(readStore.find(orderId).orElse(null), Source.READ_STORE_FALLBACK, false);
        }
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
