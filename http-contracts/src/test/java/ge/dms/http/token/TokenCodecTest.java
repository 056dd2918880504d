package ge.dms.http.token;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCodecTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final TokenCodec CODEC = new TokenCodec(SECRET, Claims.DEFAULT_ISSUER);

    @Test
    void shouldReadBackTheCallerItMinted() {
        Instant now = Instant.now();
        String restaurant = CODEC.mint("restaurant:7", new Caller(Role.RESTAURANT, 7L), now, now.plusSeconds(300));
        String signedIn = CODEC.mint("account:3", new Caller(Role.DRIVER, 9L, "session-1"), now, now.plusSeconds(300));
        String admin = CODEC.mint("admin", new Caller(Role.ADMIN, null), now, now.plusSeconds(300));

        assertThat(CODEC.verify(restaurant)).contains(new VerifiedToken("restaurant:7", new Caller(Role.RESTAURANT, 7L)));
        assertThat(CODEC.verify(signedIn)).contains(new VerifiedToken("account:3", new Caller(Role.DRIVER, 9L, "session-1")));
        assertThat(CODEC.verify(admin)).contains(new VerifiedToken("admin", new Caller(Role.ADMIN, null)));
    }

    @Test
    void shouldRejectAnotherKeyATamperedTokenAndGarbage() {
        Instant now = Instant.now();
        String token = CODEC.mint("driver:3", new Caller(Role.DRIVER, 3L), now, now.plusSeconds(300));
        String[] parts = token.split("\\.");
        String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"iss\":\"dms\",\"sub\":\"admin\",\"roles\":[\"admin\"],\"exp\":9999999999}".getBytes(StandardCharsets.UTF_8));

        assertThat(new TokenCodec("x".repeat(32), Claims.DEFAULT_ISSUER).verify(token)).isEmpty();
        assertThat(CODEC.verify(parts[0] + "." + otherClaims + "." + parts[2])).isEmpty();
        assertThat(CODEC.verify("a.b")).isEmpty();
        assertThat(CODEC.verify("eyJhbGciOiJub25lIn0." + otherClaims + ".")).isEmpty();
    }

    @Test
    void shouldAllowTheClockSkewPastExpiryAndNoMore() {
        Instant now = Instant.now();
        String justExpired = CODEC.mint("admin", new Caller(Role.ADMIN, null), now.minusSeconds(60), now.minusMillis(500));
        String longExpired = CODEC.mint("admin", new Caller(Role.ADMIN, null), now.minusSeconds(60),
                now.minus(TokenCodec.CLOCK_SKEW).minusSeconds(5));

        assertThat(CODEC.verify(justExpired)).isPresent();
        assertThat(CODEC.verify(longExpired)).isEmpty();
    }

    @Test
    void shouldRejectForeignIssuersUnknownRolesAndMissingClaims() {
        Date later = Date.from(Instant.now().plus(Duration.ofHours(1)));
        String foreign = new TokenCodec(SECRET, "elsewhere").mint("admin", new Caller(Role.ADMIN, null), Instant.now(), later.toInstant());

        assertThat(CODEC.verify(foreign)).isEmpty();
        assertThat(CODEC.verify(sign(claims(later).claim(Claims.ROLES, List.of("superuser"))))).isEmpty();
        assertThat(CODEC.verify(sign(claims(later).claim(Claims.ROLES, List.of("admin", "driver"))))).isEmpty();
        assertThat(CODEC.verify(sign(claims(later).claim(Claims.ROLES, List.of("driver"))))).as("driver without id").isEmpty();
        assertThat(CODEC.verify(sign(claims(later).claim(Claims.ROLES, List.of("driver")).claim(Claims.PARTY_ID, "3")))).isEmpty();
        assertThat(CODEC.verify(sign(claims(later).claim(Claims.ROLES, List.of("admin")).claim(Claims.SESSION, 5)))).isEmpty();
        assertThat(CODEC.verify(sign(claims(later).subject(null).claim(Claims.ROLES, List.of("admin"))))).isEmpty();
        assertThat(CODEC.verify(sign(claims(null).claim(Claims.ROLES, List.of("admin"))))).as("no expiry").isEmpty();
        assertThat(CODEC.verify(sign(claims(later).claim(Claims.ROLES, List.of("admin"))))).isPresent();
    }

    @Test
    void shouldRefuseShortSecretsAndIdlessCallers() {
        assertThatThrownBy(() -> new TokenCodec("short", "dms")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DMS_JWT_SECRET");
        assertThatThrownBy(() -> new TokenCodec(null, "dms")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Caller(Role.RESTAURANT, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldLetEachRoleReadOnlyItsOwn() {
        Caller restaurant = new Caller(Role.RESTAURANT, 7L);
        Caller driver = new Caller(Role.DRIVER, 3L);

        restaurant.requireRestaurant(7);
        driver.requireDriver(3);
        new Caller(Role.ADMIN, null).requireDriver(3);
        assertThatThrownBy(() -> restaurant.requireRestaurant(8)).isInstanceOf(AccessDenied.class).hasMessageContaining("8");
        assertThatThrownBy(() -> restaurant.requireDriver(7)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(driver::requireAdmin).isInstanceOf(AccessDenied.class);
        assertThat(driver.maySee(7, 3L)).isTrue();
        assertThat(driver.maySee(7, null)).isFalse();
        assertThat(restaurant.maySee(7, 3L)).isTrue();
        assertThat(restaurant.maySee(8, null)).isFalse();
    }

    private static JWTClaimsSet.Builder claims(Date expiry) {
        return new JWTClaimsSet.Builder().issuer(Claims.DEFAULT_ISSUER).subject("someone").expirationTime(expiry);
    }

    private static String sign(JWTClaimsSet.Builder claims) {
        return CODEC.sign(claims.build());
    }
}
