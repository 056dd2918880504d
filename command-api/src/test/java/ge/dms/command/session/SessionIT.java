package ge.dms.command.session;

import com.nimbusds.jwt.SignedJWT;
import ge.dms.command.support.TestApi;
import ge.dms.command.support.TestApi.Reply;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.OffsetDateTime;
import java.util.Map;

import static ge.dms.command.persistence.jooq.Tables.ACCOUNTS;
import static ge.dms.command.persistence.jooq.Tables.SESSIONS;
import static ge.dms.command.persistence.jooq.Tables.SESSION_REVOCATIONS;
import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in, refresh with rotation and reuse detection, sign-out, lockout, and bad input, on a real PostgreSQL. */
@WithDevStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionIT {

    private TestApi t;
    private long restaurant;
    private long product;

    @BeforeAll
    void start(TestNamespace ns) {
        t = TestApi.start(ns);
        restaurant = t.restaurant("სასადილო ხინკალი");
        product = t.product("SES-1", "ხახვი", "kg", "2.50");
    }

    @AfterAll
    void stop() {
        t.close();
    }

    private void account(String username, String password, String role, Long restaurantId) {
        t.sql().insertInto(ACCOUNTS).set(ACCOUNTS.USERNAME, username).set(ACCOUNTS.PASSWORD_HASH, Passwords.hash(password))
                .set(ACCOUNTS.ROLE, role).set(ACCOUNTS.RESTAURANT_ID, restaurantId).execute();
    }

    private Reply signIn(String username, String password) {
        return t.post("/api/session", null, "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password));
    }

    private Reply refresh(String refreshToken) {
        return t.post("/api/session/refresh", null, "{\"refreshToken\":\"%s\"}".formatted(refreshToken));
    }

    private Reply placeOrder(String token) {
        return t.post("/api/orders", token, TestApi.orderBody(product, "1"));
    }

    private static String field(Reply reply, String name) {
        return String.valueOf(reply.json().get(name));
    }

    private static String type(Reply reply) {
        return String.valueOf(reply.json().get("type"));
    }

    @Test
    void shouldSignInWithAShortLivedTokenNamingTheSessionThatTheApiAccepts() throws Exception {
        account("Nino.Staff", "ხაჭაპური-2026", "restaurant", restaurant);
        Reply reply = signIn("nino.STAFF", "ხაჭაპური-2026");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        Map<String, Object> body = reply.json();
        assertThat(body).containsEntry("tokenType", "Bearer").containsEntry("role", "restaurant")
                .containsEntry("username", "Nino.Staff").containsEntry("expiresIn", 900);
        assertThat(((Number) body.get("partyId")).longValue()).isEqualTo(restaurant);
        assertThat(field(reply, "refreshToken")).hasSizeGreaterThanOrEqualTo(43);

        var claims = SignedJWT.parse(field(reply, "accessToken")).getJWTClaimsSet();
        assertThat(claims.getStringClaim("sid")).isEqualTo(field(reply, "sessionId"));
        assertThat(claims.getLongClaim("dms_id")).isEqualTo(restaurant);
        assertThat(claims.getStringListClaim("roles")).containsExactly("restaurant");
        assertThat(claims.getExpirationTime().toInstant()).isBefore(OffsetDateTime.now().plusMinutes(16).toInstant());

        Reply placed = placeOrder(field(reply, "accessToken"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(((Number) placed.json().get("restaurantId")).longValue()).isEqualTo(restaurant);
        String hash = t.sql().select(ACCOUNTS.PASSWORD_HASH).from(ACCOUNTS).where(ACCOUNTS.USERNAME.eq("Nino.Staff")).fetchSingle().value1();
        assertThat(hash).startsWith("$argon2id$").doesNotContain("ხაჭაპური");
    }

    /** The cookies of a reply, by name: the Set-Cookie line of each. */
    private static Map<String, String> cookies(Reply reply) {
        Map<String, String> byName = new java.util.HashMap<>();
        reply.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie")).flatMap(e -> e.getValue().stream())
                .forEach(line -> byName.put(line.substring(0, line.indexOf('=')), line));
        // Attribute names are case-insensitive (RFC 6265; Netty writes "HTTPOnly"): compare them in lower case.
        byName.replaceAll((name, line) -> name + line.substring(name.length()).replaceAll("(?i)httponly", "HttpOnly"));
        return byName;
    }

    private static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    @Test
    void shouldKeepTheWebPagesSessionInHttpOnlyStrictCookiesThatTheApiAccepts() {
        account("cookie.staff", "pass-cookie", "restaurant", restaurant);
        Reply reply = t.post("/api/session/cookie", null, "{\"username\":\"cookie.staff\",\"password\":\"pass-cookie\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        // Who signed in, but no token in the body: scripts never see one.
        assertThat(reply.json()).containsEntry("role", "restaurant").containsEntry("expiresIn", 900).doesNotContainKeys("accessToken", "refreshToken");
        Map<String, String> set = cookies(reply);
        assertThat(set.get("dms_access")).contains("HttpOnly", "SameSite=Strict", "Path=/api", "Max-Age=900").doesNotContain("Secure");
        assertThat(set.get("dms_refresh")).contains("HttpOnly", "SameSite=Strict", "Path=/api/session");
        String access = "dms_access=" + value(set.get("dms_access"));

        // The cookie authenticates a write from our own page ...
        Reply placed = t.post("/api/orders", null, TestApi.orderBody(product, "1"), "Cookie", access, "Sec-Fetch-Site", "same-origin");
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        // ... but not one another site's page sends with it (defence in depth next to SameSite).
        Reply forged = t.post("/api/orders", null, TestApi.orderBody(product, "1"), "Cookie", access, "Sec-Fetch-Site", "cross-site");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(type(forged)).isEqualTo("https://dms.ge/problems/cross-site-request");
        Reply foreignOrigin = t.post("/api/orders", null, TestApi.orderBody(product, "1"), "Cookie", access, "Origin", "http://evil.example");
        assertThat(foreignOrigin.status()).isEqualTo(403);

        // Behind https (the load balancer says so) the cookies are Secure.
        Reply secure = t.post("/api/session/cookie", null, "{\"username\":\"cookie.staff\",\"password\":\"pass-cookie\"}",
                "X-Forwarded-Proto", "https");
        assertThat(cookies(secure).get("dms_access")).contains("Secure");

        // Refresh from the refresh cookie: a new pair; sign-out revokes the session and expires both.
        Reply refreshed = t.post("/api/session/cookie/refresh", null, null, "Cookie", "dms_refresh=" + value(set.get("dms_refresh")),
                "Sec-Fetch-Site", "same-origin");
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        String newAccess = "dms_access=" + value(cookies(refreshed).get("dms_access"));
        // The refresh token rotates; the access token may come out byte for byte the same within one second (same
        // claims, same iat), so it is only required to be there.
        assertThat(value(cookies(refreshed).get("dms_refresh"))).isNotBlank().isNotEqualTo(value(set.get("dms_refresh")));
        assertThat(value(cookies(refreshed).get("dms_access"))).isNotBlank();
        assertThat(t.post("/api/session/cookie/refresh", null, null).status()).isEqualTo(401);
        Reply out = t.send("DELETE", "/api/session", null, null, null, "Cookie", newAccess, "Sec-Fetch-Site", "same-origin");
        assertThat(out.status()).as(out.toString()).isEqualTo(204);
        assertThat(cookies(out).get("dms_access")).contains("Max-Age=0");
        assertThat(cookies(out).get("dms_refresh")).contains("Max-Age=0");
        assertThat(t.post("/api/orders", null, TestApi.orderBody(product, "1"), "Cookie", newAccess, "Sec-Fetch-Site", "same-origin").status())
                .isEqualTo(401);
    }

    @Test
    void shouldRefuseAWrongPasswordAndAnUnknownUserAlike() {
        account("levan", "correct horse", "admin", null);
        Reply wrong = signIn("levan", "wrong horse");
        Reply unknown = signIn("nobody-here", "correct horse");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(type(wrong)).isEqualTo("https://dms.ge/problems/invalid-credentials").isEqualTo(type(unknown));
        assertThat(field(wrong, "detail")).isEqualTo(field(unknown, "detail"));
        assertThat(wrong.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void shouldRotateTheRefreshTokenAndRevokeTheSessionWhenAnOldOneIsReused() {
        account("rotating", "pass-rotating", "admin", null);
        Reply first = signIn("rotating", "pass-rotating");
        Reply second = refresh(field(first, "refreshToken"));
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(field(second, "sessionId")).isEqualTo(field(first, "sessionId"));
        assertThat(field(second, "refreshToken")).isNotEqualTo(field(first, "refreshToken"));
        assertThat(field(second, "sessionExpiresAt")).isEqualTo(field(first, "sessionExpiresAt"));
        Reply third = refresh(field(second, "refreshToken"));
        assertThat(third.status()).isEqualTo(200);
        Reply authenticated = t.post("/api/products", field(third, "accessToken"), null);
        assertThat(authenticated.status()).as(authenticated + " (authenticated: 400, not 401)").isEqualTo(400);

        Reply reused = refresh(field(first, "refreshToken"));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(type(reused)).endsWith("/refresh-token-reused");
        assertThat(refresh(field(third, "refreshToken")).json().get("type")).isEqualTo("https://dms.ge/problems/session-ended");
        assertThat(t.post("/api/products", field(third, "accessToken"), null).status()).isEqualTo(401);
        String sid = field(first, "sessionId");
        assertThat(t.sql().fetchOne(SESSIONS, SESSIONS.ID.eq(sid)).getRevokedWhy()).isEqualTo("refresh token reused");
        assertThat(t.sql().fetchCount(SESSION_REVOCATIONS, SESSION_REVOCATIONS.SESSION_ID.eq(sid))).isEqualTo(1);
    }

    @Test
    void shouldRevokeTheSessionOnSignOutSoItsTokensAreRefusedAtOnce() {
        account("leaving", "pass-leaving", "restaurant", restaurant);
        Reply session = signIn("leaving", "pass-leaving");
        Reply other = signIn("leaving", "pass-leaving");
        String access = field(session, "accessToken");
        assertThat(placeOrder(access).status()).isEqualTo(201);

        Reply out = t.send("DELETE", "/api/session", access, null, null);
        assertThat(out.status()).as(out.toString()).isEqualTo(204);
        Reply refused = placeOrder(access);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(type(refused)).endsWith("/unauthenticated");
        assertThat(type(refresh(field(session, "refreshToken")))).endsWith("/session-ended");
        assertThat(t.send("DELETE", "/api/session", access, null, null).status()).isEqualTo(401);
        assertThat(placeOrder(field(other, "accessToken")).status()).as("another session of the same account").isEqualTo(201);

        var revocation = t.sql().fetchOne(SESSION_REVOCATIONS, SESSION_REVOCATIONS.SESSION_ID.eq(field(session, "sessionId")));
        assertThat(revocation).isNotNull();
        assertThat(revocation.getExpiresAt()).isAfter(revocation.getRevokedAt())
                .isBeforeOrEqualTo(revocation.getRevokedAt().plusMinutes(15));
    }

    @Test
    void shouldLockAfterFiveWrongPasswordsUntilTheLockExpires() {
        account("guessed", "the-real-one", "admin", null);
        for (int i = 1; i <= 4; i++) {
            assertThat(signIn("guessed", "guess-" + i).status()).as("attempt " + i).isEqualTo(401);
        }
        Reply fifth = signIn("guessed", "guess-5");
        assertThat(fifth.status()).isEqualTo(423);
        assertThat(type(fifth)).endsWith("/account-locked");
        assertThat(fifth.json()).containsKeys("lockedUntil", "retryAfterSeconds");
        Reply rightButLocked = signIn("guessed", "the-real-one");
        assertThat(rightButLocked.status()).as("the right password is refused while locked").isEqualTo(423);

        // The lock's end passes (15 minutes in production).
        t.sql().update(ACCOUNTS).set(ACCOUNTS.LOCKED_UNTIL, OffsetDateTime.now().minusSeconds(1))
                .where(ACCOUNTS.USERNAME.eq("guessed")).execute();
        assertThat(signIn("guessed", "the-real-one").status()).isEqualTo(200);
        var row = t.sql().fetchOne(ACCOUNTS, ACCOUNTS.USERNAME.eq("guessed"));
        assertThat(row.getFailedAttempts()).isZero();
        assertThat(row.getLockedUntil()).isNull();
    }

    @Test
    void shouldCountOnlyWrongPasswordsInARow() {
        account("forgetful", "remembered", "admin", null);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(signIn("forgetful", "forgot-" + i).status()).isEqualTo(401);
            }
            assertThat(signIn("forgetful", "remembered").status()).as("round " + round).isEqualTo(200);
        }
    }

    @Test
    void shouldAnswerBadInputWithA4xxProblem() {
        Map<String, Integer> cases = new java.util.LinkedHashMap<>();
        cases.put("{}", 400);
        cases.put("{\"username\":\"admin\"}", 400);
        cases.put("{\"password\":\"x\"}", 400);
        cases.put("{\"username\":\"\",\"password\":\"\"}", 400);
        cases.put("{\"username\":\"ad\\u0000min\",\"password\":\"x\"}", 400);
        cases.put("{\"username\":\"admin\",\"password\":\"" + "x".repeat(201) + "\"}", 400);
        cases.put("{not json", 400);
        cases.put("[]", 400);
        cases.forEach((body, status) -> {
            Reply reply = t.post("/api/session", null, body);
            assertThat(reply.status()).as(body + " → " + reply).isEqualTo(status);
            assertThat(reply.header("Content-Type")).as(body).startsWith("application/problem+json");
        });
        Reply missingFields = t.post("/api/session", null, "{}");
        assertThat(missingFields.body()).contains("username").contains("password");

        assertThat(t.post("/api/session/refresh", null, "{}").status()).isEqualTo(400);
        Reply unknown = refresh("never-issued");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(type(unknown)).endsWith("/invalid-refresh-token");
        Reply noSession = t.send("DELETE", "/api/session", TestApi.admin(), null, null);
        assertThat(noSession.status()).isEqualTo(400);
        assertThat(type(noSession)).endsWith("/no-session");
        assertThat(t.send("DELETE", "/api/session", null, null, null).status()).isEqualTo(401);
        assertThat(t.send("POST", "/api/session", null, "text/plain", "admin".getBytes()).status()).isEqualTo(415);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDocumentTheSessionEndpointsInOpenApi() {
        Map<String, Object> document = t.send("GET", "/openapi.json", null, null, null).json();
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        assertThat((Map<String, Object>) paths.get("/api/session")).containsKeys("post", "delete");
        assertThat((Map<String, Object>) paths.get("/api/session/refresh")).containsKeys("post");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        assertThat((java.util.List<Object>) ((Map<String, Object>) schemas.get("SignIn")).get("required"))
                .containsExactlyInAnyOrder("username", "password");
        assertThat((Map<String, Object>) ((Map<String, Object>) schemas.get("SessionTokens")).get("properties"))
                .containsKeys("accessToken", "refreshToken", "expiresIn", "sessionExpiresAt");
    }

    @Test
    void shouldAnswer503NotA500WhenTheSessionCannotBeChecked() throws Exception {
        account("patient", "pass-patient", "admin", null);
        String access = field(signIn("patient", "pass-patient"), "accessToken");
        javax.sql.DataSource pool = t.api().context().getBean(javax.sql.DataSource.class);
        java.util.List<java.sql.Connection> held = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) { // the whole pool (TestApi: 4), so the session read waits and times out
                held.add(pool.getConnection());
            }
            Reply busy = t.post("/api/products", access, "{}");
            assertThat(busy.status()).as(busy.toString()).isEqualTo(503);
            assertThat(busy.header("Content-Type")).startsWith("application/problem+json");
        } finally {
            for (var c : held) {
                c.close();
            }
        }
        assertThat(t.post("/api/products", access, "{}").status()).isEqualTo(400);
    }
}
