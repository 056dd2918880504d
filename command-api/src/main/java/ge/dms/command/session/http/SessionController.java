package ge.dms.command.session.http;

import ge.dms.command.problem.ApiException;
import ge.dms.command.session.Refresh;
import ge.dms.command.session.SessionService;
import ge.dms.command.session.SessionTokens;
import ge.dms.command.session.SignIn;
import ge.dms.http.token.Claims;
import ge.dms.support.web.SessionCookies;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Sign-in ({@code POST}), token refresh and sign-out ({@code DELETE}) of a user session; for the web
 * pages, sign-in and refresh also as {@code /cookie} variants that answer with HttpOnly cookies.
 */
@Controller("/api/session")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SessionController {

    private final SessionService sessions;

    public SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<SessionTokens> signIn(@Body @Valid SignIn request) {
        return tokens(sessions.signIn(request));
    }

    @Post("/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<SessionTokens> refresh(@Body @Valid Refresh request) {
        return tokens(sessions.refresh(request));
    }

    /** The web pages' sign-in: the same check, the tokens set as HttpOnly cookies ({@link SessionCookies}). */
    @Post("/cookie")
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<BrowserSession> signInWithCookie(@Body @Valid SignIn request, HttpRequest<?> http) {
        return cookies(sessions.signIn(request), http);
    }

    /** The web pages' refresh: the refresh cookie for a new pair of cookies. */
    @Post("/cookie/refresh")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<BrowserSession> refreshCookie(HttpRequest<?> http) {
        String refreshToken = SessionCookies.refreshToken(http).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                "no-refresh-cookie", "Not signed in", "there is no session cookie to refresh; sign in again"));
        return cookies(sessions.refresh(new Refresh(refreshToken)), http);
    }

    @Delete
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<Void> signOut(Authentication caller, HttpRequest<?> http) {
        if (!(caller.getAttributes().get(Claims.SESSION) instanceof String sessionId)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "no-session", "The token has no session",
                    "this token was not issued by sign-in (no sid claim), so there is no session to end");
        }
        sessions.signOut(sessionId);
        // A page signing out also loses its cookies; for API clients these are a no-op.
        return HttpResponse.<Void>noContent().cookies(Set.of(SessionCookies.cleared(SessionCookies.secure(http))));
    }

    private static HttpResponse<BrowserSession> cookies(SessionTokens issued, HttpRequest<?> http) {
        boolean secure = SessionCookies.secure(http);
        Duration sessionLeft = Duration.between(OffsetDateTime.now(), issued.sessionExpiresAt());
        BrowserSession who = new BrowserSession(issued.username(), issued.role(), issued.partyId(), issued.expiresIn(),
                issued.sessionExpiresAt());
        return HttpResponse.ok(who)
                .cookie(SessionCookies.access(issued.accessToken(), Duration.ofSeconds(issued.expiresIn()), secure))
                .cookie(SessionCookies.refresh(issued.refreshToken(), sessionLeft.isNegative() ? Duration.ZERO : sessionLeft, secure))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    // Tokens must not be kept by caches or proxies (RFC 6749 §5.1).
    private static HttpResponse<SessionTokens> tokens(SessionTokens issued) {
        return HttpResponse.ok(issued).header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
    }
}
