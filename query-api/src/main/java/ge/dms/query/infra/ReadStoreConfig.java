package ge.dms.query.infra;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * {@code dms.read-postgres.*}: the read-side database. Validated when the service starts
 * ({@code @Context}), so a missing or malformed URL stops it with the variable's name instead of
 * failing the first request.
 */
@Context
@ConfigurationProperties("dms.read-postgres")
public class ReadStoreConfig {

    @NotBlank(message = "DMS_READ_POSTGRES_URL (dms.read-postgres.url) must be set to the read-side database's JDBC URL")
    @Pattern(regexp = "|jdbc:postgresql://.+", // blank: @NotBlank says it
            message = "DMS_READ_POSTGRES_URL (dms.read-postgres.url) must be a jdbc:postgresql://host:port/database URL")
    private String url;
    private String user;
    private String password;

    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
