package ge.dms.support.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

import java.time.Duration;
import java.util.Optional;

/**
 * The browser session of the web pages, shared by both APIs: the access token in an HttpOnly,
 * SameSite=Strict cookie sent to every {@code /api} path, the refresh token in another one sent
 * only to {@code /api/session}. Scripts never see either (no token in URLs or web storage); a
 * request with an {@code Authorization} header ignores the cookies, so API clients are unaffected.
 */
public final class SessionCookies {

    public static final String ACCESS = "dms_access";
    public static final String REFRESH = "dms_refresh";
    public static final String ACCESS_PATH = "/api";
    public static final String REFRESH_PATH = "/api/session";

    private SessionCookies() {
    }

    /** The access token from the cookie, when the request has no {@code Authorization} header. */
    public static Optional<String> accessToken(HttpRequest<?> request) {
        if (request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            return Optional.empty();
        }
        return request.getCookies().findCookie(ACCESS).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    public static Optional<String> refreshToken(HttpRequest<?> request) {
        return request.getCookies().findCookie(REFRESH).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    public static Cookie access(String token, Duration maxAge, boolean secure) {
        return cookie(ACCESS, token, ACCESS_PATH, maxAge, secure);
    }

    public static Cookie refresh(String token, Duration maxAge, boolean secure) {
        return cookie(REFRESH, token, REFRESH_PATH, maxAge, secure);
    }

    /** Both cookies, expired: what sign-out (and a refused refresh) answers. */
    public static Cookie[] cleared(boolean secure) {
        return new Cookie[] {cookie(ACCESS, "", ACCESS_PATH, Duration.ZERO, secure), cookie(REFRESH, "", REFRESH_PATH, Duration.ZERO, secure)};
    }

    /**
     * Whether the browser reached us over HTTPS: the request itself, or the {@code X-Forwarded-Proto}
     * of the load balancer in front (nginx terminates TLS in production).
     */
    public static boolean secure(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }

    private static Cookie cookie(String name, String value, String path, Duration maxAge, boolean secure) {
        return Cookie.of(name, value).path(path).httpOnly(true).sameSite(SameSite.Strict).secure(secure).maxAge(maxAge);
    }
}
