package ge.dms.query;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A missing or malformed setting stops the start, naming the environment variable (no servers needed). */
class SettingsValidationTest {

    private static final Map<String, Object> VALID = Map.of(
            "dms.jwt.secret", "query-api-test-secret-0123456789abcdef",
            "dms.redis.url", "redis://127.0.0.1:1",
            "dms.read-postgres.url", "jdbc:postgresql://127.0.0.1:1/none",
            "micronaut.server.port", "-1");

    @Test
    void shouldRefuseToStartWithoutRedis() {
        assertThatThrownBy(() -> start("dms.redis.url", ""))
                .hasMessageContaining("DMS_REDIS_URL (dms.redis.url) must be set");
    }

    @Test
    void shouldRefuseARedisUrlWithoutScheme() {
        assertThatThrownBy(() -> start("dms.redis.url", "redis-host:6379"))
                .hasMessageContaining("DMS_REDIS_URL (dms.redis.url) must be a redis://host:port URL");
    }

    @Test
    void shouldRefuseToStartWithoutTheReadSide() {
        assertThatThrownBy(() -> start("dms.read-postgres.url", ""))
                .hasMessageContaining("DMS_READ_POSTGRES_URL (dms.read-postgres.url) must be set");
    }

    @Test
    void shouldRefuseAPortThatIsNotANumber() {
        assertThatThrownBy(() -> start("micronaut.server.port", "http"))
                .hasMessageContaining("DMS_QUERY_API_PORT (micronaut.server.port) must be a port number");
    }

    @Test
    void shouldRefuseToStartWithoutTheJwtSecret() {
        assertThatThrownBy(() -> start("dms.jwt.secret", ""))
                .hasMessageContaining("DMS_JWT_SECRET");
    }

    /** The context with one setting replaced, without the environment (the test JVM's own DMS_* variables). */
    private static void start(String key, String value) {
        Map<String, Object> properties = new HashMap<>(VALID);
        properties.put(key, value);
        ApplicationContext.builder().environmentPropertySource(false).properties(properties).start().close();
        throw new AssertionError("started although a setting is missing or malformed");
    }
}
