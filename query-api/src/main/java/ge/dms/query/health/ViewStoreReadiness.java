package ge.dms.query.health;

import ge.dms.query.infra.ReadStore;
import ge.dms.query.infra.Redis;
import ge.dms.query.infra.RedisGateway;
import ge.dms.support.health.Readiness;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * Ready while at least one view store answers (service-support's {@code /health} asks this): with Redis down the
 * service still serves from the read side, with the data's age shown, so taking it out of rotation would be wrong.
 */
@Singleton
public class ViewStoreReadiness implements Readiness.Check {

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final RedisGateway redis;
    private final ReadStore readStore;

    public ViewStoreReadiness(RedisGateway redis, ReadStore readStore) {
        this.redis = redis;
        this.readStore = readStore;
    }

    @Override
    public Readiness check() {
        boolean redisUp = redisAnswers();
        boolean readStoreUp = readStoreAnswers();
        return new Readiness(redisUp || readStoreUp, Map.of("redis", redisUp ? "UP" : "DOWN", "readStore", readStoreUp ? "UP" : "DOWN"));
    }

    private boolean redisAnswers() {
        try {
            return redis.commands().map(commands -> "PONG".equals(Redis.await(commands.ping(), CHECK_TIMEOUT))).orElse(false);
        } catch (RuntimeException unavailable) {
            return false;
        }
    }

    private boolean readStoreAnswers() {
        try (Connection connection = readStore.connect()) {
            return connection.isValid((int) CHECK_TIMEOUT.toSeconds());
        } catch (SQLException unavailable) {
            return false;
        }
    }
}
