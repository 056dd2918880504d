package ge.dms.command.session;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Password hashes and the random session ids and refresh tokens. */
class CredentialsTest {

    @Test
    void shouldHashPasswordsWithArgon2idAndASaltOfTheirOwn() {
        String a = Passwords.hash("ხაჭაპური");
        String b = Passwords.hash("ხაჭაპური");
        assertThat(a).startsWith("$argon2id$").isNotEqualTo(b);
        assertThat(Passwords.matches("ხაჭაპური", a)).isTrue();
        assertThat(Passwords.matches("ხაჭაპურ", a)).isFalse();
    }

    @Test
    void shouldNeverMatchForAnUnknownAccount() {
        assertThat(Passwords.matches("no account has this password", null)).isFalse();
    }

    @Test
    void shouldMakeUrlSafeRandomIdsAndTokens() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = RefreshTokens.newRefreshToken();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(seen.add(token)).isTrue();
        }
        assertThat(RefreshTokens.newSessionId()).hasSize(22).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void shouldStoreRefreshTokensAsSha256Hex() {
        assertThat(RefreshTokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
