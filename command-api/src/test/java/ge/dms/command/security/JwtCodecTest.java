package ge.dms.command.security;

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

class JwtCodecTest {

    private static final String SECRET = DevTokens.randomSecret();
    private static final JwtCodec CODEC = new JwtCodec(SECRET.getBytes(StandardCharsets.UTF_8), "dms");

    @Test
    void shouldVerifyWhatDevTokensMinted() {
        String token = DevTokens.mint(SECRET, "restaurant", 7L, Duration.ofMinutes(5));

        assertThat(CODEC.verify(token)).hasValueSatisfying(claims -> {
            assertThat(claims.getClaim("roles")).isEqualTo(List.of("restaurant"));
            assertThat(claims.getClaim(Actor.ID_CLAIM)).isEqualTo(7L);
            assertThat(claims.getSubject()).isEqualTo("restaurant:7");
        });
    }

    @Test
    void shouldRejectAnotherKeyATamperedTokenAndGarbage() {
        String token = DevTokens.mint(SECRET, "driver", 3L, Duration.ofMinutes(5));
        String[] parts = token.split("\\.");
        String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"iss\":\"dms\",\"sub\":\"admin\",\"roles\":[\"admin\"],\"exp\":9999999999}".getBytes(StandardCharsets.UTF_8));

        assertThat(new JwtCodec(DevTokens.randomSecret().getBytes(StandardCharsets.UTF_8), "dms").verify(token)).isEmpty();
        assertThat(CODEC.verify(parts[0] + "." + otherClaims + "." + parts[2])).isEmpty();
        assertThat(CODEC.verify("a.b")).isEmpty();
        assertThat(CODEC.verify("eyJhbGciOiJub25lIn0." + otherClaims + ".")).isEmpty();
    }

    @Test
    void shouldRejectExpiredTokensAndForeignIssuers() {
        Instant longAgo = Instant.now().minus(Duration.ofHours(2));
        String expired = CODEC.sign(new JWTClaimsSet.Builder().issuer("dms").subject("admin").claim("roles", List.of("admin"))
                .expirationTime(Date.from(longAgo)).build());
        String foreign = new JwtCodec(SECRET.getBytes(StandardCharsets.UTF_8), "elsewhere").sign(new JWTClaimsSet.Builder()
                .issuer("elsewhere").subject("admin").claim("roles", List.of("admin"))
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).build());

        assertThat(CODEC.verify(expired)).isEmpty();
        assertThat(CODEC.verify(foreign)).isEmpty();
    }

    @Test
    void shouldRefuseShortSecretsAndIdlessRoles() {
        assertThatThrownBy(() -> DevTokens.mint("short", "admin", null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DevTokens.mint(SECRET, "restaurant", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
