package ge.dms.command.security;

import ge.dms.command.session.SessionService;
import ge.dms.http.token.Caller;
import ge.dms.http.token.Claims;
import ge.dms.http.token.TokenCodec;
import ge.dms.http.token.VerifiedToken;
import ge.dms.support.web.SessionCookies;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import org.reactivestreams.Publisher;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Reads {@code Authorization: Bearer <jwt>} (or, without that header, the web pages' session cookie,
 * {@link SessionCookies}) for Micronaut Security: a token that passes the shared {@link TokenCodec}'s rules
 * (HS256 with {@code dms.jwt.secret}, our issuer, unexpired, one known role). Anything
 * else leaves the request anonymous, so secured routes answer 401. A token from sign-in names its
 * session ({@code sid}): it counts only while that session is neither revoked nor expired, one
 * primary-key read on the blocking executor (never on the event loop). Tokens without {@code sid}
 * ({@code ./dev token}, scripts) are not tied to a session.
 */
@Context // built at start-up, so a missing or short DMS_JWT_SECRET stops the service before it serves
public class BearerTokenFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    private final TokenCodec codec;
    private final SessionService sessions;
    private final ExecutorService blocking;

    public BearerTokenFetcher(JwtConfig config, SessionService sessions, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.codec = new TokenCodec(config.getSecret(), config.getIssuer());
        this.sessions = sessions;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        String token;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = header.substring(7).trim();
        } else {
            // The web pages' session cookie (only when no Authorization header was sent).
            token = SessionCookies.accessToken(request).orElse(null);
        }
        if (token == null) {
            return Publishers.empty();
        }
        Optional<Authentication> authentication = authenticate(token);
        if (authentication.isEmpty()) {
            return Publishers.empty();
        }
        if (!(authentication.get().getAttributes().get(Claims.SESSION) instanceof String sessionId)) {
            return Publishers.just(authentication.get());
        }
        CompletableFuture<Authentication> checked = CompletableFuture.supplyAsync(
                () -> sessions.isActive(sessionId) ? authentication.get() : null, blocking);
        return Publishers.fromCompletableFuture(checked);
    }

    Optional<Authentication> authenticate(String token) {
        // Signature, algorithm, issuer, expiry, role, party id and session claim are the codec's rules.
        return codec.verify(token).map(BearerTokenFetcher::toAuthentication);
    }

    private static Authentication toAuthentication(VerifiedToken token) {
        Caller caller = token.caller();
        Map<String, Object> attributes = new HashMap<>();
        if (caller.id() != null) {
            attributes.put(Claims.PARTY_ID, caller.id());
        }
        if (caller.sessionId() != null) {
            attributes.put(Claims.SESSION, caller.sessionId());
        }
        return Authentication.build(token.subject(), List.of(caller.role().value()), attributes);
    }
}
