package ge.dms.command.security;

import ge.dms.http.token.Claims;
import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code dms.jwt.*}: the HS256 key (from DMS_JWT_SECRET; never committed). */
@ConfigurationProperties("dms.jwt")
public class JwtConfig {

    // Checked at start-up by validation (BearerTokenFetcher needs it); TokenCodec checks the bytes again.
    @NotNull(message = "DMS_JWT_SECRET (dms.jwt.secret) must be set: the HS256 key, at least 32 bytes")
    @Size(min = 32, message = "DMS_JWT_SECRET (dms.jwt.secret) must be set to at least 32 bytes (the HS256 key)")
    private String secret;
    private String issuer = Claims.DEFAULT_ISSUER;

    public String getSecret() { return secret; }
    public void setSecret(String secret) { this.secret = secret; }
    public String getIssuer() { return issuer; }
    public void setIssuer(String issuer) { this.issuer = issuer; }
}
