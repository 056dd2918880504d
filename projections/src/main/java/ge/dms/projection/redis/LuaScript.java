package ge.dms.projection.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One of the sinks' Lua scripts, loaded once and called by its SHA: loaded again when Redis no longer
 * knows it (a restart, {@code SCRIPT FLUSH}), and retried while Redis is away or still loading ({@link RedisRetry}),
 * so a Redis blip costs a retry, not a failed task. The scripts apply a write only if it is newer, so a retry
 * of a write that did reach Redis changes nothing.
 */
public final class LuaScript {


    private final String text;
    private final RedisCommands<String, String> redis;
    private volatile String sha;

    /** Loads {@code resource} (next to {@code owner} on the classpath) into Redis. */
    public LuaScript(Class<?> owner, String resource, RedisCommands<String, String> redis) {
        this.text = read(owner, resource);
        this.redis = redis;
        this.sha = redis.scriptLoad(text);
    }

    /** The SHA to call it by without waiting (an async {@code EVALSHA}); a caller settling a failure calls {@link #call}. */
    public String sha() {
        return sha;
    }

    /** Runs it, retried while Redis is away or not ready ({@link RedisRetry}); {@code what} names the write in the log ("order 42"). */
    public Long call(String[] keys, String[] args, String what) {
        return RedisRetry.call(() -> evaluate(keys, args), what);
    }

    private Long evaluate(String[] keys, String[] args) {
        try {
            return redis.evalsha(sha, ScriptOutputType.INTEGER, keys, args);
        } catch (RedisNoScriptException e) {
            sha = redis.scriptLoad(text); // Redis restarted or SCRIPT FLUSH: load it again
            return redis.evalsha(sha, ScriptOutputType.INTEGER, keys, args);
        }
    }

    private static String read(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
