package ge.dms.support.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * {@code GET /metrics}: every meter in Prometheus' text format, without a token (like {@code /health}:
 * scrapers hold none; it names routes and counts, never business data). A service with route security
 * lets it through (command-api: {@code micronaut.security.intercept-url-map}).
 */
@Controller("/metrics")
public class MetricsController {

    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get(produces = PROMETHEUS_TEXT)
    public String scrape() {
        return registry.scrape();
    }
}
