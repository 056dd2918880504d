package ge.dms.command.security;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.nio.charset.StandardCharsets;

/** {@code dms.jwt.*}: the HS256 key (from DMS_JWT_SECRET; never committed). */
@ConfigurationProperties("dms.jwt")
public class JwtConfig {

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
