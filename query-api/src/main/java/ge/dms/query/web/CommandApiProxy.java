package ge.dms.query.web;

import ge.dms.query.http.Problems;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.exceptions.BufferLengthExceededException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

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
 *
 * <p>What this instance can tell without the command API is answered here, as problems: a declared body over this
 * server's {@code max-request-size} is a 413 before anything is forwarded (the command API would refuse it anyway,
 * possibly closing the connection mid-upload); a command API that cannot be reached is a 503 with {@code Retry-After}
 * (an outage, not a fault of the request), never a bare 500.
 */
@ServerFilter("/api/**")
public class CommandApiProxy implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(CommandApiProxy.class);
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /** Right after the security headers (which wrap every answer), before the auth filter and the metrics. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final URI target;
    private final ProxyHttpClient client;
    private final long maxRequestSize;

    public CommandApiProxy(@Value("${dms.query.command-api-url:}") String commandApiUrl, HttpServerConfiguration server) {
        this.maxRequestSize = server.getMaxRequestSize();
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
        if (request.getContentLength() > maxRequestSize) {
            return Publishers.just(tooLarge(request));
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        var forwarded = request.mutate()
                .uri(b -> b.scheme(target.getScheme()).host(target.getHost()).port(target.getPort()));
        if (host != null && !request.getHeaders().contains("X-Forwarded-Host")) {
            // The command API compares a cookie-carrying write's Origin with the host the browser used.
            forwarded.header("X-Forwarded-Host", host);
        }
        return Mono.from(client.proxy(forwarded)).onErrorResume(e -> Mono.just(failed(request, e)));
    }

    private MutableHttpResponse<?> tooLarge(HttpRequest<?> request) {
        return Problems.response(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "payload-too-large",
                "the body is larger than " + maxRequestSize + " bytes", null);
    }

    /** The forwarding failed: the body outgrew the limit on the way (chunked uploads), or the command API is not there. */
    private MutableHttpResponse<?> failed(HttpRequest<?> request, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ContentLengthExceededException || t instanceof BufferLengthExceededException) {
                return tooLarge(request);
            }
        }
        LOG.warn("Forwarding {} {} to the command API failed: {}", request.getMethod(), request.getPath(), e.toString());
        return Problems.response(request, HttpStatus.SERVICE_UNAVAILABLE, "command-api-unavailable",
                "the command API cannot be reached; try again shortly", null).header(HttpHeaders.RETRY_AFTER, "1");
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
