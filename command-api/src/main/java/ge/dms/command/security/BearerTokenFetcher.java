package ge.dms.command.security;

import com.nimbusds.jwt.JWTClaimsSet;
import ge.dms.command.session.AccessTokens;
import ge.dms.command.session.SessionService;
import ge.dms.support.web.SessionCookies;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import org.reactivestreams.Publisher;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Reads {@code Authorization: Bearer <jwt>} (or, without that header, the web pages' session cookie,
 * {@link SessionCookies}) for Micronaut Security: an HS256 token signed with
 * {@code dms.jwt.secret}, not expired, from our issuer, with exactly one known role. Anything
 * else leaves the request anonymous, so secured routes answer 401. A token from sign-in names its
 * session ({@code sid}): it counts only while that session is neither revoked nor expired, one
 * primary-key read on the blocking executor (never on the event loop). Tokens without {@code sid}
 * ({@code ./dev token}, scripts) are not tied to a session.
 */
@Context // built at start-up, so a missing or short DMS_JWT_SECRET stops the service before it serves
public class BearerTokenFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    private static final Set<String> ROLES = Set.of(Role.ADMIN_ROLE, Role.RESTAURANT_ROLE, Role.DRIVER_ROLE);

    private final JwtCodec codec;
    private final SessionService sessions;
    private final ExecutorService blocking;

    public BearerTokenFetcher(JwtConfig config, SessionService sessions, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.codec = new JwtCodec(config.key(), config.getIssuer());
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
        if (!(authentication.get().getAttributes().get(AccessTokens.SESSION_CLAIM) instanceof String sessionId)) {
            return Publishers.just(authentication.get());
        }
        CompletableFuture<Authentication> checked = CompletableFuture.supplyAsync(
                () -> sessions.isActive(sessionId) ? authentication.get() : null, blocking);
        return Publishers.fromCompletableFuture(checked);
    }

    Optional<Authentication> authenticate(String token) {
        return codec.verify(token).map(JWTClaimsSet::getClaims).flatMap(this::toAuthentication);
    }

    private Optional<Authentication> toAuthentication(Map<String, Object> claims) {
        // Signature, algorithm, issuer and expiry were checked by the codec.
        if (!(claims.get("sub") instanceof String subject)
                || !(claims.get("roles") instanceof List<?> roles) || roles.size() != 1
                || !(roles.getFirst() instanceof String role) || !ROLES.contains(role)) {
            return Optional.empty();
        }
        Object id = claims.get(Actor.ID_CLAIM);
        if (!role.equals(Role.ADMIN_ROLE) && !(id instanceof Number)) {
            return Optional.empty();
        }
        Object session = claims.get(AccessTokens.SESSION_CLAIM);
        if (session != null && !(session instanceof String)) {
            return Optional.empty();
        }
        Map<String, Object> attributes = new HashMap<>();
        if (id instanceof Number n) {
            attributes.put(Actor.ID_CLAIM, n.longValue());
        }
        if (session != null) {
            attributes.put(AccessTokens.SESSION_CLAIM, session);
        }
        return Optional.of(Authentication.build(subject, List.of(role), attributes));
    }
}
