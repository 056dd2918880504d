package ge.dms.query.board;

import ge.dms.query.http.ViewResponse;
import ge.dms.query.http.ViewResponse.Source;
import ge.dms.query.infra.Redis.RedisUnavailableException;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;

/**
 * Answers a board filter from the store that holds its index: Redis when it has one ({@link RedisBoard#serves}),
 * else the read side; the read side too when Redis is down. Both give the same rows, with their freshness.
 * The restaurant board and the dispatcher queue both answer through here.
 */
@Singleton
public class Boards {

    private final RedisBoard redis;
    private final ReadStoreBoard readStore;

    public Boards(RedisBoard redis, ReadStoreBoard readStore) {
        this.redis = redis;
        this.readStore = readStore;
    }

    public HttpResponse<byte[]> answer(BoardFilter filter) {
        if (RedisBoard.serves(filter)) {
            try {
                return answer(redis.page(filter), Source.REDIS);
            } catch (RedisUnavailableException e) {
                return answer(readStore.page(filter), Source.READ_STORE_FALLBACK);
            }
        }
        return answer(readStore.page(filter), Source.READ_STORE);
    }

    private static HttpResponse<byte[]> answer(BoardPage page, Source source) {
        return ViewResponse.ok(page.json(), source, page.newest(), false);
    }
}
