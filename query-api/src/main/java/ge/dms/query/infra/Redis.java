package ge.dms.query.infra;

import io.lettuce.core.RedisFuture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

    /**
     * The answer without waiting for it: completes on Lettuce's event loop, or fails with
     * {@link RedisUnavailableException} when Redis refuses the command or has not answered within {@code timeout}.
     */
    public static <T> CompletableFuture<T> timed(RedisFuture<T> future, Duration timeout) {
        return future.toCompletableFuture().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(new RedisUnavailableException(unwrap(e))));
    }

    /** Waits for every future (they were pipelined), in order. */
    public static <T> List<T> awaitAll(List<RedisFuture<T>> futures, Duration timeout) {
        List<T> results = new ArrayList<>(futures.size());
        for (RedisFuture<T> f : futures) {
            results.add(await(f, timeout));
        }
        return results;
    }

    /** The failure inside a future's completion wrapper. */
    public static Throwable unwrap(Throwable e) {
        return e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /** Redis could not answer (down, timed out, or refused the command). */
    public static final class RedisUnavailableException extends RuntimeException {
        public RedisUnavailableException(Throwable cause) {
            super(cause.toString(), cause);
        }
    }
}
