package ge.dms.command.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;

import java.text.ParseException;
import java.util.Optional;
import java.util.Set;

/**
 * HS256 JWTs with Nimbus JOSE+JWT: signs, and verifies signature, algorithm, issuer and expiry.
 * Only HS256 is accepted, so {@code alg: none} and algorithm confusion are refused before any
 * claim is read.
 */
public final class JwtCodec {

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final DefaultJWTClaimsVerifier<?> claimsVerifier;

    /** @param key at least 256 bits (Nimbus refuses shorter HS256 keys) */
    public JwtCodec(byte[] key, String issuer) {
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable HS256 key: " + e.getMessage(), e);
        }
        this.claimsVerifier = new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "roles"));
        // Nimbus tolerates 60 s of clock skew by default; our issuer and verifiers share NTP-synced
        // hosts, so a token stops working within 2 s of its expiry.
        this.claimsVerifier.setMaxClockSkew(2);
    }

    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return jwt.serialize();
    }

    /** The claims of a well-formed, HS256-signed, unexpired token from our issuer; else empty. */
    public Optional<JWTClaimsSet> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            claimsVerifier.verify(claims, null);
            return Optional.of(claims);
        } catch (ParseException | JOSEException | BadJWTException e) {
            return Optional.empty();
        }
    }
}
