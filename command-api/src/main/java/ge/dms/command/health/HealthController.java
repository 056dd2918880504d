package ge.dms.command.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * {@code /health}, {@code /health/liveness} and {@code /health/readiness} for launchers and
 * orchestrators, without a token. Micronaut's management module has no 5.x release on the
 * Maven mirror this build uses, so the three probes are answered here: liveness says the
 * process serves HTTP; readiness (and {@code /health}) also that the write database answers.
 */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
public class HealthController {

    private static final int DATABASE_CHECK_SECONDS = 2;

    private final DataSource dataSource;

    public HealthController(DataSource dataSource) {
        this.dataSource = dataSource;
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
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(DATABASE_CHECK_SECONDS)) {
                return HttpResponse.ok(Map.of("status", "UP"));
            }
            return down("the write database did not answer within " + DATABASE_CHECK_SECONDS + " s");
        } catch (SQLException e) {
            return down("the write database is unreachable: " + e.getMessage());
        }
    }

    private static HttpResponse<Map<String, String>> down(String reason) {
        return HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "DOWN", "reason", reason));
    }
}
