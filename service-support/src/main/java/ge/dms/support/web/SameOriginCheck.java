package ge.dms.support.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-site request forgery defence in depth next to SameSite=Strict: an unsafe request that
 * authenticates with the session cookie must come from our own pages. Browsers say where a
 * request comes from in {@code Sec-Fetch-Site} (every current browser) and {@code Origin} (older
 * ones); a request with neither is not from a browser's page, so no cookie was sent on its behalf.
 */
public final class SameOriginCheck {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private SameOriginCheck() {
    }

    /** Why the request is refused, or empty when it may go on. */
    public static Optional<String> refusal(HttpRequest<?> request) {
        if (SAFE.contains(request.getMethod()) || request.getHeaders().contains(HttpHeaders.AUTHORIZATION)
                || request.getCookies().findCookie(SessionCookies.ACCESS).isEmpty()
                && request.getCookies().findCookie(SessionCookies.REFRESH).isEmpty()) {
            return Optional.empty();
        }
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null) {
            return site.equalsIgnoreCase("same-origin") ? Optional.empty()
                    : Optional.of("a " + site + " request may not use the session cookie (Sec-Fetch-Site)");
        }
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null) {
            return Optional.empty();
        }
        String host = Optional.ofNullable(request.getHeaders().get("X-Forwarded-Host")).orElse(request.getHeaders().get(HttpHeaders.HOST));
        return host != null && host.toLowerCase(Locale.ROOT).equals(authority(origin))
                ? Optional.empty()
                : Optional.of("origin " + origin + " may not use the session cookie");
    }

    private static String authority(String origin) {
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority == null ? "" : authority.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
