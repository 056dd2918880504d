package ge.dms.query.security;

import ge.dms.query.QueryConfig;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller ({@code role:id}) on this instance: {@code dms.query.rate-limit-per-second}
 * refill, {@code dms.query.rate-limit-burst} capacity; 0 per second switches it off. Behind a load
 * balancer each instance limits on its own (the effective limit is per instance). One small entry
 * per caller ever seen: bounded by the number of restaurants, drivers and admins.
 */
@Singleton
public class RateLimiter {

    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(QueryConfig config) {
        this.perSecond = config.getRateLimitPerSecond();
        this.burst = Math.max(1, config.getRateLimitBurst());
    }

    /** True when the caller may make one more request now. */
    public boolean tryAcquire(Caller caller) {
        if (perSecond <= 0) {
            return true;
        }
        String key = caller.role() + ":" + (caller.id() == null ? "-" : caller.id());
        return buckets.computeIfAbsent(key, k -> new Bucket(burst)).take(perSecond, burst, System.nanoTime());
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double burst) {
            this.tokens = burst;
            this.last = System.nanoTime();
        }

        synchronized boolean take(double perSecond, double burst, long now) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
