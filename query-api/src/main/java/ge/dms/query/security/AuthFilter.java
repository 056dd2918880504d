package ge.dms.query.security;

import ge.dms.http.token.Caller;
import ge.dms.query.http.Problems;
import ge.dms.support.web.SessionCookies;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Every {@code /api/**} request needs a valid Bearer token (header; else the web pages' session
 * cookie, {@link SessionCookies}; else an {@code access_token} query parameter for scripts' EventSource
 * and WebSocket, which cannot set headers): 401 otherwise.
 * Each caller is rate limited ({@link RateLimiter}: 429 with Retry-After, the seconds until a token is back). The caller is put on the
 * request; resource checks (403) are made where the resource is known.
 */
@ServerFilter("/api/**")
public class AuthFilter {

    private final TokenVerifier verifier;
    private final RateLimiter limiter;

    public AuthFilter(TokenVerifier verifier, RateLimiter limiter) {
        this.verifier = verifier;
        this.limiter = limiter;
    }

    @RequestFilter
    public Publisher<MutableHttpResponse<?>> authenticate(HttpRequest<?> request, FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        Optional<Caller> caller = authenticate(verifier, request);
        if (caller.isEmpty()) {
            return Publishers.just(Problems.response(HttpStatus.UNAUTHORIZED, "unauthorized", "a valid Bearer token is required", null)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        }
        request.setAttribute(Caller.ATTRIBUTE, caller.get());
        CompletableFuture<RateLimiter.Decision> decision = limiter.acquire(caller.get()).toCompletableFuture();
        if (decision.isDone()) {
            // Per-instance buckets answer at once: no reactive hop on the common path.
            return proceedOrLimit(decision.join(), next);
        }
        return Mono.fromFuture(decision).flatMap(d -> Mono.from(proceedOrLimit(d, next)));
    }

    private static Publisher<MutableHttpResponse<?>> proceedOrLimit(RateLimiter.Decision decision,
                                                                    FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        if (decision.allowed()) {
            return next.proceed();
        }
        return Publishers.just(Problems.response(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "too many requests; slow down", null)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds())));
    }

    public static Optional<Caller> authenticate(TokenVerifier verifier, HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        String token = null;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = header.substring(7).trim();
        } else {
            // The web pages' HttpOnly session cookie (also on the WebSocket and SSE handshakes), then the query parameter.
            token = SessionCookies.accessToken(request).orElseGet(() -> request.getParameters().get("access_token"));
        }
        return token == null || token.isBlank() ? Optional.empty() : verifier.verify(token);
    }
}
