package ge.dms.command.session.http;

import ge.dms.command.problem.ApiException;
import ge.dms.command.session.Refresh;
import ge.dms.command.session.SessionService;
import ge.dms.command.session.SessionTokens;
import ge.dms.command.session.SignIn;
import ge.dms.http.token.Claims;
import io.micronaut.http.HttpHeaders;
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

/** Sign-in ({@code POST}), token refresh and sign-out ({@code DELETE}) of a user session. */
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

    @Delete
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<Void> signOut(Authentication caller) {
        if (!(caller.getAttributes().get(Claims.SESSION) instanceof String sessionId)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "no-session", "The token has no session",
                    "this token was not issued by sign-in (no sid claim), so there is no session to end");
        }
        sessions.signOut(sessionId);
        return HttpResponse.noContent();
    }

    // Tokens must not be kept by caches or proxies (RFC 6749 §5.1).
    private static HttpResponse<SessionTokens> tokens(SessionTokens issued) {
        return HttpResponse.ok(issued).header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
    }
}
