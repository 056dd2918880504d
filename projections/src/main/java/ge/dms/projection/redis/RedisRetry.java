package ge.dms.projection.redis;

import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A sink's Redis write retried while Redis is away or not ready, for up to {@link #BUDGET}: a restart costs the stream
 * thread a wait, not its life. Without it a write that met Redis still loading its data ({@code LOADING}, the first
 * second after a restart) failed three quick attempts and the stream thread was replaced, which rebalanced every
 * instance and held the views back for seconds more ({@code ./dev bench faults}, {@code restart:redis}). Errors that
 * a retry cannot fix (a script error, a wrong type) go up at once. The sinks write only if newer, so retrying a write
 * that did reach Redis changes nothing.
 */
public final class RedisRetry {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRetry.class);
    /** About the first attempt's timeout and two more: past it, the write fails and its task is replayed. */
    public static final Duration BUDGET = Duration.ofSeconds(15);
    private static final long FIRST_PAUSE_MS = 50;
    private static final long MAX_PAUSE_MS = 1_000;

    private RedisRetry() {
    }

    /** Runs {@code write}, retrying transient failures; {@code what} names it in the log ("order 42"). */
    public static <T> T call(Supplier<T> write, String what) {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        long pause = FIRST_PAUSE_MS;
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (!isTransient(e) || System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw e;
                }
                if (attempt == 1) {
                    LOG.warn("Redis write of {} failed, retrying for up to {} s: {}", what, BUDGET.toSeconds(), e.toString());
                } else {
                    LOG.debug("Redis write of {} failed again (attempt {}): {}", what, attempt, e.toString());
                }
                pauseFor(pause, e);
                pause = Math.min(MAX_PAUSE_MS, pause * 2);
            }
        }
    }

    /** Redis unreachable, slow, loading its data, busy with a script, or the connection dropped mid-command. */
    static boolean isTransient(RuntimeException e) {
        return e instanceof RedisConnectionException || e instanceof RedisCommandTimeoutException
                || e instanceof RedisLoadingException || e instanceof RedisBusyException || e.getClass() == RedisException.class;
    }

    private static void pauseFor(long ms, RuntimeException cause) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cause.addSuppressed(e);
            throw cause;
        }
    }
}
