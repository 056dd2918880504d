package ge.dms.bench.baseline;

import io.micronaut.context.annotation.Requires;
import ge.dms.http.problem.Problem;
import ge.dms.http.token.Caller;
import ge.dms.http.token.TokenCodec;
import ge.dms.http.token.VerifiedToken;
import ge.dms.support.problem.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Optional;

/**
 * Every {@code /api/**} request needs a Bearer token that passes the rules both APIs share ({@link TokenCodec}:
 * HS256, issuer, expiry, one role): 401 problem otherwise, with {@code WWW-Authenticate: Bearer}, as the query API
 * answers. The old design had no signed-out sessions to check nor a rate limit, so neither is here.
 */
@Requires(property = Baseline.ENABLED, value = "true")
@ServerFilter("/api/**")
public class BaselineAuth {

    private final TokenCodec tokens;
    private final ProblemResponses problems;

    public BaselineAuth(TokenCodec tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        Optional<Caller> caller = bearer(request.getHeaders().get(HttpHeaders.AUTHORIZATION))
                .flatMap(tokens::verify).map(VerifiedToken::caller);
        if (caller.isEmpty()) {
            return problems.response(request, Problem.of(401, "unauthorized", "Unauthorized", "a valid Bearer token is required"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        request.setAttribute(Caller.ATTRIBUTE, caller.get());
        return null;
    }

    static Optional<String> bearer(@Nullable String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
