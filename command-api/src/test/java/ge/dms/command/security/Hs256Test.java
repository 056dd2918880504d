package ge.dms.command.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Hs256Test {

    private static final String SECRET = DevTokens.randomSecret();

    @Test
    void shouldVerifyWhatItSigned() {
        String token = DevTokens.mint(SECRET, "restaurant", 7L, Duration.ofMinutes(5));
        assertThat(Hs256.verify(SECRET.getBytes(StandardCharsets.UTF_8), token)).hasValueSatisfying(claims ->
                assertThat(claims).contains("\"roles\":[\"restaurant\"]").contains("\"dms_id\":7"));
    }

    @Test
    void shouldRejectAnotherKeyATamperedTokenAndGarbage() {
        String token = DevTokens.mint(SECRET, "driver", 3L, Duration.ofMinutes(5));
        assertThat(Hs256.verify(DevTokens.randomSecret().getBytes(StandardCharsets.UTF_8), token)).isEmpty();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "x." + parts[2];
        assertThat(Hs256.verify(SECRET.getBytes(StandardCharsets.UTF_8), tampered)).isEmpty();
        assertThat(Hs256.verify(SECRET.getBytes(StandardCharsets.UTF_8), "a.b")).isEmpty();
        assertThat(Hs256.verify(SECRET.getBytes(StandardCharsets.UTF_8), "eyJhbGciOiJub25lIn0.e30.")).isEmpty();
    }

    @Test
    void shouldRefuseShortSecretsAndIdlessRoles() {
        assertThatThrownBy(() -> DevTokens.mint("short", "admin", null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DevTokens.mint(SECRET, "restaurant", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
