package ge.dms.command.security;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import org.reactivestreams.Publisher;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code Authorization: Bearer <jwt>} for Micronaut Security: an HS256 token signed with
 * {@code dms.jwt.secret}, not expired, from our issuer, with exactly one known role. Anything
 * else leaves the request anonymous, so secured routes answer 401.
 */
@Context // built at start-up, so a missing or short DMS_JWT_SECRET stops the service before it serves
public class BearerTokenFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    private static final Set<String> ROLES = Set.of(Role.ADMIN_ROLE, Role.RESTAURANT_ROLE, Role.DRIVER_ROLE);

    private final JwtCodec codec;

    public BearerTokenFetcher(JwtConfig config) {
        this.codec = new JwtCodec(config.key(), config.getIssuer());
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Publishers.empty();
        }
        return authenticate(header.substring(7).trim()).map(Publishers::just).orElseGet(Publishers::empty);
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
        Map<String, Object> attributes = id instanceof Number n ? Map.of(Actor.ID_CLAIM, n.longValue()) : Map.of();
        return Optional.of(Authentication.build(subject, List.of(role), attributes));
    }
}
