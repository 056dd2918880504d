package ge.dms.query.metrics;

import ge.dms.query.http.ViewResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Counts every view answer by where it came from ({@code X-Data-Source}): {@code dms.query.answers}
 * tagged {@code source} = {@code redis}, {@code read-store} (search, history, analytics: the read side by
 * design) or {@code read-store; redis-unavailable} (a fallback: Redis could not answer). A rising fallback
 * rate is the first sign of a Redis problem; read-side failures show as 503s in {@code http_server_requests}.
 */
@ServerFilter("/api/**")
public class AnswerSourceMetrics {

    private final MeterRegistry registry;

    public AnswerSourceMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (ViewResponse.Source source : ViewResponse.Source.values()) {
            counter(source.header()); // each series exists at 0, so rate() has a start
        }
    }

    private Counter counter(String source) {
        return Counter.builder("dms.query.answers").tag("source", source).description("view answers by the store that gave them")
                .register(registry);
    }

    @ResponseFilter
    public void count(HttpResponse<?> response) {
        String source = response.getHeaders().get(ViewResponse.SOURCE);
        if (source != null) {
            counter(source).increment();
        }
    }
}
