package ge.dms.support.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /health}, {@code /health/liveness} and {@code /health/readiness} for launchers and orchestrators, without a
 * token. Micronaut's management module has no 5.x release on the Maven mirror this build uses, so the three probes
 * are answered here: liveness says the process serves HTTP; readiness (and {@code /health}) asks the service's
 * {@link Readiness.Check}: 200 {@code {"status":"UP",...}} or 503 {@code {"status":"DOWN",...}}.
 */
@Controller("/health")
public class HealthController {

    private final Readiness.Check readiness;

    public HealthController(Readiness.Check readiness) {
        this.readiness = readiness;
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
        Readiness found = readiness.check();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", found.ready() ? "UP" : "DOWN");
        body.putAll(found.details());
        return found.ready() ? HttpResponse.ok(body) : HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }
}
