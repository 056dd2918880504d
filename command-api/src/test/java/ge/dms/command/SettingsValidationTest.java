package ge.dms.command;

import ge.dms.command.security.JwtConfig;
import io.micronaut.context.ApplicationContext;
import io.micronaut.validation.validator.Validator;
import jakarta.validation.ConstraintViolation;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A missing or malformed setting stops the start, naming the environment variable (no database needed). */
class SettingsValidationTest {

    private static final String SECRET = "command-api-test-secret-0123456789abcdef";

    @Test
    void shouldRefuseAMissingOrShortJwtSecret() {
        // Checked on the bean itself: at start-up its check races the database pool's (the order of
        // @Context beans is not fixed), and the pool would need a database.
        JwtConfig jwt = new JwtConfig();
        assertThat(violations(jwt)).contains("DMS_JWT_SECRET (dms.jwt.secret) must be set: the HS256 key, at least 32 bytes");
        jwt.setSecret("short");
        assertThat(violations(jwt)).containsExactly("DMS_JWT_SECRET (dms.jwt.secret) must be set to at least 32 bytes (the HS256 key)");
        jwt.setSecret(SECRET);
        assertThat(violations(jwt)).isEmpty();
    }

    @Test
    void shouldRefuseToStartWithoutTheDatabaseUrl() {
        assertThatThrownBy(() -> start(Map.of("dms.jwt.secret", SECRET)))
                .hasMessageContaining("DMS_POSTGRES_URL (dms.postgres.url) must be set");
    }

    @Test
    void shouldRefuseADatabaseUrlThatIsNotJdbc() {
        assertThatThrownBy(() -> start(Map.of("dms.jwt.secret", SECRET, "dms.postgres.url", "postgres://db/dms_write")))
                .hasMessageContaining("DMS_POSTGRES_URL (dms.postgres.url) must be a jdbc:postgresql://host:port/database URL");
    }

    @Test
    void shouldRefuseAPortThatIsNotANumber() {
        ServerPort port = new ServerPort();
        port.setPort("http");
        assertThat(violations(port)).containsExactly(
                "DMS_COMMAND_API_PORT (micronaut.server.port) must be a port number, 0-65535 (-1: any free port)");
        port.setPort("-1");
        assertThat(violations(port)).isEmpty();
    }

    private static List<String> violations(Object bean) {
        return Validator.getInstance().validate(bean).stream().map(ConstraintViolation::getMessage).toList();
    }

    /** The context alone, with neither the environment nor the test JVM's DMS_* variables in play. */
    private static void start(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.putIfAbsent("dms.postgres.url", "");
        all.putIfAbsent("dms.jwt.secret", "");
        ApplicationContext.builder().environmentPropertySource(false).properties(all).start().close();
        throw new AssertionError("started although a setting is missing or malformed");
    }
}
