package ge.dms.query.security;

import ge.dms.http.token.Caller;
import ge.dms.http.token.Role;
import ge.dms.query.support.TestStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenVerifierTest {

    private final TokenVerifier verifier = new TokenVerifier(TestStack.SECRET, "dms");

    @Test
    void shouldAcceptTheCommandApisTokenShape() {
        assertThat(verifier.verify(TestStack.token("restaurant", 7L))).contains(new Caller(Role.RESTAURANT, 7L));
        assertThat(verifier.verify(TestStack.token("admin", null))).contains(new Caller(Role.ADMIN, null));
    }

    @Test
    void shouldRejectForgedExpiredUnknownOrIncompleteTokens() {
        assertThat(verifier.verify(TestStack.token("admin", null, "x".repeat(32), Duration.ofHours(1)))).isEmpty();
        assertThat(verifier.verify(TestStack.token("admin", null, TestStack.SECRET, Duration.ofMinutes(-1)))).isEmpty();
        assertThat(verifier.verify(TestStack.token("superuser", 1L))).isEmpty();
        assertThat(verifier.verify(TestStack.token("driver", null))).isEmpty();
        assertThat(verifier.verify("not.a.jwt")).isEmpty();
        assertThat(verifier.verify("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")).isEmpty();
    }

    @Test
    void shouldRefuseToStartWithAShortSecret() {
        assertThatThrownBy(() -> new TokenVerifier("short", "dms")).isInstanceOf(IllegalStateException.class);
    }
}
