package ge.dms.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteInfo;

import java.time.Duration;

/**
 * Times every {@code /api/**} request as {@code http.server.requests} (Prometheus:
 * {@code http_server_requests_seconds}, a histogram): tagged by {@code method}, the route's
 * {@code uri} template (so {@code POST /api/orders/{id}/confirm} is one series whatever the id: the
 * command's action), {@code status} and {@code outcome} (success, client_error, server_error). Runs
 * first and sees the answer last, so 401s, 429s and problem responses are counted too.
 */
@ServerFilter("/api/**")
public class HttpMetricsFilter implements Ordered {

    static final String METER = "http.server.requests";
    private static final String STARTED = HttpMetricsFilter.class.getName() + ".started";

    private final MeterRegistry registry;

    public HttpMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void record(HttpRequest<?> request, HttpResponse<?> response) {
        Long started = request.getAttribute(STARTED, Long.class).orElse(null);
        if (started == null) {
            return;
        }
        int status = response.code();
        Timer.builder(METER)
                .description("HTTP requests to /api, by route template and status")
                .tag("method", request.getMethodName())
                .tag("uri", uriTemplate(request, status))
                .tag("status", String.valueOf(status))
                .tag("outcome", outcome(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** The matched route's template; requests that matched none share one series instead of one per path. */
    private static String uriTemplate(HttpRequest<?> request, int status) {
        return RouteAttributes.getRouteInfo(request)
                .filter(UriRouteInfo.class::isInstance)
                .map(info -> ((UriRouteInfo<?, ?>) info).getUriMatchTemplate().toPathString())
                .orElse(status == 404 ? "NOT_FOUND" : "UNMATCHED");
    }

    static String outcome(int status) {
        return switch (status / 100) {
            case 1, 2, 3 -> "success";
            case 4 -> "client_error";
            default -> "server_error";
        };
    }
}
