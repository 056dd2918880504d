package ge.dms.command.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.nio.charset.StandardCharsets;

/** {@code dms.jwt.*}: the HS256 key (from DMS_JWT_SECRET; never committed). */
@ConfigurationProperties("dms.jwt")
public class JwtConfig {

    // Checked at start-up by validation (BearerTokenFetcher needs it); key() checks the bytes again
    // for callers outside Micronaut (DevTokens).
    @NotNull(message = "DMS_JWT_SECRET (dms.jwt.secret) must be set: the HS256 key, at least 32 bytes")
    @Size(min = 32, message = "DMS_JWT_SECRET (dms.jwt.secret) must be set to at least 32 bytes (the HS256 key)")
    private String secret;
    private String issuer = "dms";

    public String getSecret() { return secret; }
    public void setSecret(String secret) { this.secret = secret; }
    public String getIssuer() { return issuer; }
    public void setIssuer(String issuer) { this.issuer = issuer; }

    /** The key bytes, refusing a missing or short key: HS256 needs at least 256 bits. */
    public byte[] key() {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("dms.jwt.secret (DMS_JWT_SECRET) must be set to at least 32 bytes");
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
