package ge.dms.devstack.tokens;

import ge.dms.http.token.Caller;
import ge.dms.http.token.Claims;
import ge.dms.http.token.Role;
import ge.dms.http.token.TokenCodec;
import ge.dms.http.token.VerifiedToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevTokensTest {

    private static final String SECRET = DevTokens.randomSecret();

    @Test
    void shouldMintWhatTheServicesRulesAccept() {
        TokenCodec codec = new TokenCodec(SECRET, Claims.DEFAULT_ISSUER);

        assertThat(codec.verify(DevTokens.mint(SECRET, "restaurant", 7L, Duration.ofMinutes(5))))
                .contains(new VerifiedToken("restaurant:7", new Caller(Role.RESTAURANT, 7L)));
        assertThat(codec.verify(DevTokens.mint(SECRET, "admin", null))).contains(new VerifiedToken("admin", new Caller(Role.ADMIN, null)));
        assertThat(codec.verify(DevTokens.mint(SECRET, "driver", 3L, Duration.ofMinutes(-1)))).as("expired").isEmpty();
        assertThat(codec.verify(DevTokens.mint(DevTokens.randomSecret(), "driver", 3L))).as("another secret").isEmpty();
    }

    @Test
    void shouldRefuseShortSecretsUnknownRolesAndIdlessParties() {
        assertThatThrownBy(() -> DevTokens.mint("short", "admin", null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DevTokens.mint(SECRET, "restaurant", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DevTokens.mint(SECRET, "superuser", 1L)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DevTokens.randomSecret()).hasSize(64).matches("[0-9a-f]+");
    }
}
