package ge.dms.projection.catalogue.redis;

import ge.dms.projection.source.ProductRow;
import ge.dms.schemas.view.ProductView;
import ge.dms.schemas.view.RedisKeys;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the restaurants' catalogue hot list: each product's hash ({@link RedisKeys#product}) and the active
 * products' sorted sets (all, and per category, scored by id), in one Lua script that first compares the held
 * LSN, so replays and duplicates change nothing. A deactivated or deleted product leaves the sets at once.
 * Connection loss and timeouts are retried a few times (logged); anything else is permanent.
 */
public final class RedisCatalogueWriter {

    private static final Logger LOG = LoggerFactory.getLogger(RedisCatalogueWriter.class);
    private static final String SCRIPT = loadScript();
    private static final int ATTEMPTS = 3;

    private final RedisCommands<String, String> redis;
    private final RedisKeys keys;
    private String sha;

    public RedisCatalogueWriter(StatefulRedisConnection<String, String> connection, RedisKeys keys) {
        this.redis = connection.sync();
        this.keys = keys;
        this.sha = redis.scriptLoad(SCRIPT);
    }

    /** Applies the row; false when Redis already held this change or a newer one. */
    public boolean apply(ProductRow row) {
        ProductView view = row.view();
        String[] keyArgs = {keys.product(row.id())};
        String[] args = {keys.prefix(), Long.toString(row.id()), Long.toString(row.lsn()),
                row.category() == null ? "" : row.category(), view.active() ? "1" : "0", row.deleted() ? "1" : "0",
                view.toJson(), row.commitTime() == null ? "" : Long.toString(row.commitTime().toEpochMilli())};
        for (int attempt = 1; ; attempt++) {
            try {
                Long applied = evaluate(keyArgs, args);
                return applied != null && applied == 1L;
            } catch (RedisConnectionException | RedisCommandTimeoutException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warn("Redis write of product {} failed (attempt {} of {}), retrying: {}", row.id(), attempt,
                        ATTEMPTS, e.toString());
            }
        }
    }

    private Long evaluate(String[] keyArgs, String[] args) {
        try {
            return redis.evalsha(sha, ScriptOutputType.INTEGER, keyArgs, args);
        } catch (RedisNoScriptException e) {
            sha = redis.scriptLoad(SCRIPT); // Redis restarted or SCRIPT FLUSH: load it again
            return redis.evalsha(sha, ScriptOutputType.INTEGER, keyArgs, args);
        }
    }

    private static String loadScript() {
        try (InputStream in = RedisCatalogueWriter.class.getResourceAsStream("apply-product.lua")) {
            if (in == null) {
                throw new IllegalStateException("apply-product.lua missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
