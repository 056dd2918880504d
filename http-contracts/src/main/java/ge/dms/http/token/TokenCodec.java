package ge.dms.http.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DMS bearer tokens with Nimbus JOSE+JWT, the one set of rules both APIs and the dev tools use: HS256 only (so
 * {@code alg: none} and algorithm confusion are refused before any claim is read), our issuer, a subject, an expiry
 * with {@link #CLOCK_SKEW} of tolerance, exactly one known role, the party id for restaurants and drivers, and a
 * session id that is text when present. Whether that session is still signed in is the service's to check.
 */
public final class TokenCodec {

    /**
     * Nimbus tolerates 60 s by default; the issuer and both verifiers share NTP-synced hosts, so a token stops
     * working within 2 s of its expiry, on either API.
     */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(2);
    /** HS256 needs a key of at least 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final DefaultJWTClaimsVerifier<?> claimsVerifier;
    private final String issuer;

    /** @param secret the shared HS256 key ({@code DMS_JWT_SECRET}), at least {@value #MIN_SECRET_BYTES} bytes */
    public TokenCodec(String secret, String issuer) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("dms.jwt.secret (DMS_JWT_SECRET) must be set to at least " + MIN_SECRET_BYTES + " bytes");
        }
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable dms.jwt.secret (DMS_JWT_SECRET): " + e.getMessage(), e);
        }
        this.issuer = issuer;
        this.claimsVerifier = new DefaultJWTClaimsVerifier<>(new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("sub", "exp", Claims.ROLES));
        this.claimsVerifier.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
    }

    /** A token naming {@code caller} as {@code subject}, valid from {@code issuedAt} until {@code expiresAt}. */
    public String mint(String subject, Caller caller, Instant issuedAt, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .claim(Claims.ROLES, List.of(caller.role().value()))
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt));
        if (caller.id() != null) {
            claims.claim(Claims.PARTY_ID, caller.id());
        }
        if (caller.sessionId() != null) {
            claims.claim(Claims.SESSION, caller.sessionId());
        }
        return sign(claims.build());
    }

    /** Signs any claims (tests that need a token the rules refuse). */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return jwt.serialize();
    }

    /** The caller of a token that passes every rule; empty for anything else (never an exception). */
    public Optional<VerifiedToken> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            claimsVerifier.verify(claims, null);
            return caller(claims).map(caller -> new VerifiedToken(claims.getSubject(), caller));
        } catch (ParseException | JOSEException | BadJWTException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Caller> caller(JWTClaimsSet claims) throws ParseException {
        if (!(claims.getClaim(Claims.ROLES) instanceof List<?> roles) || roles.size() != 1
                || !(roles.getFirst() instanceof String value)) {
            return Optional.empty();
        }
        Optional<Role> role = Role.find(value);
        Object id = claims.getClaim(Claims.PARTY_ID);
        Object session = claims.getClaim(Claims.SESSION);
        if (role.isEmpty() || (id != null && !(id instanceof Number)) || (role.get() != Role.ADMIN && id == null)
                || (session != null && !(session instanceof String))) {
            return Optional.empty();
        }
        return Optional.of(new Caller(role.get(), id == null ? null : ((Number) id).longValue(), (String) session));
    }
}
