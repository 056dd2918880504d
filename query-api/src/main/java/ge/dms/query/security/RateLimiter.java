package ge.dms.query.security;

import ge.dms.http.token.Caller;
import ge.dms.query.QueryConfig;
import ge.dms.query.infra.RedisGateway;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.async.RedisAsyncCommands;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller ({@code role:id}), with Bucket4j: {@code dms.query.rate-limit-per-second}
 * refill, {@code dms.query.rate-limit-burst} capacity; 0 per second switches it off.
 *
 * <p>By default each instance keeps its own buckets (no round trip; behind a load balancer the
 * effective limit is per instance). With {@code dms.query.rate-limit-shared=true} the buckets live in
 * Redis ({@code {prefix}rate-limit:<caller>}, compare-and-set, expiring once refilled), so the limit
 * holds across every instance. Redis unreachable: requests are let through (logged once a minute);
 * a limiter must not take the reads down with it, and the read-side fallback keeps answering.
 */
@Singleton
public class RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);
    private static final long FAIL_OPEN_LOG_EVERY_MS = 60_000;

    /** Whether a request may go on, and if not, how many whole seconds until a token is back. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, 0);

        static Decision of(ConsumptionProbe probe) {
            return probe.isConsumed() ? ALLOWED
                    : new Decision(false, Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
        }
    }

    private final Bandwidth bandwidth;
    private final BucketConfiguration configuration;
    private final boolean enabled;
    private final Map<String, Bucket> local = new ConcurrentHashMap<>();
    private final RedisGateway redis;
    private volatile SharedBuckets shared;
    private volatile long lastFailOpenLogMs;

    public RateLimiter(QueryConfig config, RedisGateway redis) {
        this.enabled = config.getRateLimitPerSecond() > 0;
        this.bandwidth = enabled ? bandwidth(config.getRateLimitPerSecond(), Math.max(1, config.getRateLimitBurst())) : null;
        this.configuration = enabled ? BucketConfiguration.builder().addLimit(bandwidth).build() : null;
        this.redis = config.isRateLimitShared() ? redis : null;
    }

    /** Takes one token from the caller's bucket. Completes at once unless the buckets are shared. */
    public CompletionStage<Decision> acquire(Caller caller) {
        if (!enabled) {
            return CompletableFuture.completedFuture(Decision.ALLOWED);
        }
        String key = caller.role() + ":" + (caller.id() == null ? "-" : caller.id());
        if (redis == null) {
            Bucket bucket = local.computeIfAbsent(key, k -> Bucket.builder().addLimit(bandwidth).build());
            return CompletableFuture.completedFuture(Decision.of(bucket.tryConsumeAndReturnRemaining(1)));
        }
        Optional<SharedBuckets> buckets = sharedBuckets();
        if (buckets.isEmpty()) {
            return CompletableFuture.completedFuture(failOpen(null));
        }
        return buckets.get().manager().builder().build(redis.keys().rateLimit(key), configuration)
                .tryConsumeAndReturnRemaining(1)
                .thenApply(Decision::of)
                .exceptionally(this::failOpen);
    }

    /** {@code perSecond} may be fractional (0.5: a token every 2 s): whole tokens over an exact period. */
    static Bandwidth bandwidth(double perSecond, int burst) {
        long tokens = (long) Math.ceil(perSecond);
        Duration period = Duration.ofNanos(Math.round(tokens / perSecond * 1e9));
        return Bandwidth.builder().capacity(burst).refillGreedy(tokens, period).build();
    }

    private Optional<SharedBuckets> sharedBuckets() {
        Optional<RedisAsyncCommands<String, byte[]>> commands = redis.binaryCommands();
        if (commands.isEmpty()) {
            return Optional.empty();
        }
        SharedBuckets current = shared;
        if (current == null || current.commands() != commands.get()) {
            // A new connection after a reconnect: the proxy manager is bound to the commands object.
            current = new SharedBuckets(commands.get(), Bucket4jLettuce.casBasedBuilder(commands.get())
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                    .build().asAsync());
            shared = current;
        }
        return Optional.of(current);
    }

    private Decision failOpen(Throwable cause) {
        long now = System.currentTimeMillis();
        if (now - lastFailOpenLogMs > FAIL_OPEN_LOG_EVERY_MS) {
            lastFailOpenLogMs = now;
            LOG.warn("Shared rate limit unavailable (Redis), letting requests through: {}",
                    cause == null ? "not connected" : cause.toString());
        }
        return Decision.ALLOWED;
    }

    private record SharedBuckets(RedisAsyncCommands<String, byte[]> commands, AsyncProxyManager<String> manager) {
    }
}
