package ge.dms.query.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.filter.FilterContinuation;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.reactivestreams.Publisher;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Set;

/**
 * One origin without a load balancer ({@code ./dev up}): when {@code dms.query.command-api-url}
 * ({@code DMS_QUERY_COMMAND_API_URL}) is set, every write under {@code /api} (any method but GET,
 * HEAD, OPTIONS) and everything under {@code /api/session} is forwarded, as it is, to the command
 * API, so the pages reach both APIs from the origin that served them (no CORS). The same split as
 * compose's nginx ({@code deploy/query-lb.conf}), which sends those requests to command-api itself
 * and leaves this switched off. It runs before authentication: the command API checks the caller.
 */
@ServerFilter("/api/**")
public class CommandApiProxy implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(CommandApiProxy.class);
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /** Right after the security headers (which wrap every answer), before the auth filter and the metrics. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final URI target;
    private final ProxyHttpClient client;

    public CommandApiProxy(@Value("${dms.query.command-api-url:}") String commandApiUrl) {
        if (commandApiUrl == null || commandApiUrl.isBlank()) {
            this.target = null;
            this.client = null;
            return;
        }
        this.target = URI.create(commandApiUrl);
        try {
            URL url = target.toURL();
            this.client = ProxyHttpClient.create(url);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("DMS_QUERY_COMMAND_API_URL must be an http(s) URL, got '" + commandApiUrl + "'", e);
        }
        LOG.info("writes and /api/session go on to the command API at {}", target);
    }

    static boolean isCommand(HttpRequest<?> request) {
        return !READS.contains(request.getMethod()) || request.getPath().equals("/api/session")
                || request.getPath().startsWith("/api/session/");
    }

    @RequestFilter
    public Publisher<MutableHttpResponse<?>> forward(HttpRequest<?> request, FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        if (client == null || !isCommand(request)) {
            return next.proceed();
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        var forwarded = request.mutate()
                .uri(b -> b.scheme(target.getScheme()).host(target.getHost()).port(target.getPort()));
        if (host != null && !request.getHeaders().contains("X-Forwarded-Host")) {
            // The command API compares a cookie-carrying write's Origin with the host the browser used.
            forwarded.header("X-Forwarded-Host", host);
        }
        return client.proxy(forwarded);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @PreDestroy
    void close() {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing the proxy client", e);
            }
        }
    }
}
