package ge.dms.support.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SameOriginCheckTest {

    private static MutableHttpRequest<String> cookieWrite() {
        return HttpRequest.POST("/api/orders", "{}").header("Host", "shop.example:8082").cookie(Cookie.of(SessionCookies.ACCESS, "jwt"));
    }

    @Test
    void shouldLetASameOriginWriteWithTheCookieThrough() {
        assertThat(SameOriginCheck.refusal(cookieWrite().header("Sec-Fetch-Site", "same-origin"))).isEmpty();
        assertThat(SameOriginCheck.refusal(cookieWrite().header("Origin", "http://shop.example:8082"))).isEmpty();
    }

    @Test
    void shouldRefuseACrossSiteWriteWithTheCookie() {
        assertThat(SameOriginCheck.refusal(cookieWrite().header("Sec-Fetch-Site", "cross-site"))).isPresent();
        assertThat(SameOriginCheck.refusal(cookieWrite().header("Sec-Fetch-Site", "same-site"))).isPresent();
        assertThat(SameOriginCheck.refusal(cookieWrite().header("Origin", "http://evil.example"))).isPresent();
        assertThat(SameOriginCheck.refusal(cookieWrite().header("Origin", "http://shop.example:9999"))).isPresent();
        assertThat(SameOriginCheck.refusal(cookieWrite().header("Origin", "null"))).isPresent();
    }

    @Test
    void shouldCompareTheOriginWithTheHostTheProxyWasAskedFor() {
        MutableHttpRequest<String> forwarded = HttpRequest.POST("/api/orders", "{}").header("Host", "command-api:8081")
                .header("X-Forwarded-Host", "shop.example:8082").header("Origin", "http://shop.example:8082")
                .cookie(Cookie.of(SessionCookies.ACCESS, "jwt"));
        assertThat(SameOriginCheck.refusal(forwarded)).isEmpty();
    }

    @Test
    void shouldLeaveReadsBearerCallersAndCookielessRequestsAlone() {
        assertThat(SameOriginCheck.refusal(HttpRequest.GET("/api/orders").header("Sec-Fetch-Site", "cross-site")
                .cookie(Cookie.of(SessionCookies.ACCESS, "jwt")))).isEmpty();
        assertThat(SameOriginCheck.refusal(cookieWrite().header("Sec-Fetch-Site", "cross-site").header("Authorization", "Bearer x"))).isEmpty();
        assertThat(SameOriginCheck.refusal(HttpRequest.POST("/api/orders", "{}").header("Origin", "http://evil.example"))).isEmpty();
        // Not from a browser page: no Origin, no Sec-Fetch-Site (curl with a copied cookie is not a forgery).
        assertThat(SameOriginCheck.refusal(cookieWrite())).isEmpty();
    }

    @Test
    void shouldCheckTheRefreshCookieToo() {
        MutableHttpRequest<String> refresh = HttpRequest.POST("/api/session/cookie/refresh", "").header("Host", "shop.example")
                .header("Sec-Fetch-Site", "cross-site").cookie(Cookie.of(SessionCookies.REFRESH, "r"));
        assertThat(SameOriginCheck.refusal(refresh)).isPresent();
    }
}
