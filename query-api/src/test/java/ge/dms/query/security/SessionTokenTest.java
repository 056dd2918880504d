package ge.dms.query.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import ge.dms.http.token.Caller;
import ge.dms.http.token.Role;
import ge.dms.query.support.TestStack;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens from sign-in carry {@code sid}: the caller knows its session, and a revoked one is no caller. */
class SessionTokenTest {

    private final Set<String> revoked = Set.of("signed-out");
    private final TokenVerifier verifier = new TokenVerifier(TestStack.SECRET, "dms", revoked::contains);

    private static String token(Object sid) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().issuer("dms")
                .subject("account:3").claim("roles", List.of("restaurant")).claim("dms_id", 7L).claim("sid", sid)
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15)))).build());
        jwt.sign(new MACSigner(TestStack.SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    @Test
    void shouldCarryTheSessionOfASignInToken() throws Exception {
        assertThat(verifier.verify(token("signed-in"))).contains(new Caller(Role.RESTAURANT, 7L, "signed-in"));
    }

    @Test
    void shouldRefuseATokenOfARevokedSession() throws Exception {
        assertThat(verifier.verify(token("signed-out"))).isEmpty();
        assertThat(verifier.verify(token(12))).as("sid must be text").isEmpty();
    }

    @Test
    void shouldLeaveTokensWithoutASessionAsTheyWere() {
        assertThat(verifier.verify(TestStack.token("restaurant", 7L))).contains(new Caller(Role.RESTAURANT, 7L));
    }
}
