package ge.dms.query.board;

import ge.dms.query.http.ViewResponse;
import ge.dms.query.http.ViewResponse.Source;
import ge.dms.query.infra.Redis;
import ge.dms.query.infra.Redis.RedisUnavailableException;
import io.micronaut.http.HttpResponse;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Answers a board filter from the store that holds its index: Redis when it has one ({@link RedisBoard#serves}),
 * else the read side; the read side too when Redis is down. Both give the same rows, with their freshness.
 * The restaurant board and the dispatcher queue both answer through here.
 *
 * <p>Redis is asked without blocking (the answer completes on Lettuce's event loop and is written from there); only
 * the read side's JDBC runs on the blocking executor, so a board read from Redis never hops threads to wait.
 */
@Singleton
public class Boards {

    private final RedisBoard redis;
    private final ReadStoreBoard readStore;
    private final ExecutorService blocking;

    public Boards(RedisBoard redis, ReadStoreBoard readStore, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.redis = redis;
        this.readStore = readStore;
        this.blocking = blocking;
    }

    public CompletableFuture<HttpResponse<byte[]>> answer(BoardFilter filter) {
        if (!RedisBoard.serves(filter)) {
            return fromReadStore(filter, Source.READ_STORE);
        }
        CompletableFuture<BoardPage> page;
        try {
            page = redis.page(filter);
        } catch (RedisUnavailableException e) { // not connected: known before anything is sent
            return fromReadStore(filter, Source.READ_STORE_FALLBACK);
        }
        return page.thenApply(p -> answer(p, Source.REDIS)).exceptionallyCompose(e -> Redis.unwrap(e) instanceof RedisUnavailableException
                ? fromReadStore(filter, Source.READ_STORE_FALLBACK) : CompletableFuture.failedFuture(Redis.unwrap(e)));
    }

    private CompletableFuture<HttpResponse<byte[]>> fromReadStore(BoardFilter filter, Source source) {
        return CompletableFuture.supplyAsync(() -> answer(readStore.page(filter), source), blocking);
    }

    private static HttpResponse<byte[]> answer(BoardPage page, Source source) {
        return ViewResponse.ok(page.json(), source, page.newest(), false);
    }
}
