package ge.dms.query.infra;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Lettuce client resources whose reconnect attempts back off to at most {@link #MAX_DELAY}. Lettuce's default doubles
 * the wait up to 30 s, so after a Redis outage of ten seconds the next attempt came up to 16 s after Redis was back, and
 * every answer meanwhile came from the read side, marked degraded ({@code ./dev bench faults}, {@code restart:redis}).
 */
public final class RedisReconnects {

    /** A reconnect at least this often while Redis is away: a few attempts a second cost nothing, a late one costs screens. */
    public static final Duration MAX_DELAY = Duration.ofMillis(500);

    private RedisReconnects() {
    }

    /** New resources (event loops included): shut them down after the clients made with them. */
    public static ClientResources resources() {
        return ClientResources.builder()
                .reconnectDelay(() -> Delay.exponential(Duration.ofMillis(10), MAX_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
    }
}
