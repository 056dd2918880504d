package ge.dms.query.infra;

import io.lettuce.core.RedisFuture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting on Lettuce futures: any failure becomes {@link RedisUnavailableException}, so callers can degrade. */
public final class Redis {

    private Redis() {
    }

    public static <T> T await(RedisFuture<T> future, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisUnavailableException(e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new RedisUnavailableException(e);
        }
    }

    /** Waits for every future (they were pipelined), in order. */
    public static <T> List<T> awaitAll(List<RedisFuture<T>> futures, Duration timeout) {
        List<T> results = new ArrayList<>(futures.size());
        for (RedisFuture<T> f : futures) {
            results.add(await(f, timeout));
        }
        return results;
    }

    /** Redis could not answer (down, timed out, or refused the command). */
    public static final class RedisUnavailableException extends RuntimeException {
        public RedisUnavailableException(Throwable cause) {
            super(cause.toString(), cause);
        }
    }
}
