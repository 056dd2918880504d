package ge.dms.query.health;

import ge.dms.query.infra.Redis;
import ge.dms.query.infra.ReadStore;
import ge.dms.query.infra.RedisGateway;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * {@code /health}, {@code /health/liveness}, {@code /health/readiness}, outside {@code /api/**} so without a token
 * (Micronaut's management module has no 5.x release on the Maven mirror this build uses).
 * Ready while at least one view store answers: with Redis down the service still serves
 * from the read side, with the data's age shown, so taking it out of rotation would be wrong.
 */
@Controller("/health")
public class HealthController {

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final RedisGateway redis;
    private final ReadStore readStore;

    public HealthController(RedisGateway redis, ReadStore readStore) {
        this.redis = redis;
        this.readStore = readStore;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Map<String, String>> health() {
        return readiness();
    }

    @Get("/liveness")
    public HttpResponse<Map<String, String>> liveness() {
        return HttpResponse.ok(Map.of("status", "UP"));
    }

    @Get("/readiness")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Map<String, String>> readiness() {
        String redisState = redisAnswers() ? "UP" : "DOWN";
        String readStoreState = readStoreAnswers() ? "UP" : "DOWN";
        boolean ready = redisState.equals("UP") || readStoreState.equals("UP");
        Map<String, String> body = Map.of("status", ready ? "UP" : "DOWN", "redis", redisState, "readStore", readStoreState);
        return ready ? HttpResponse.ok(body) : HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
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
