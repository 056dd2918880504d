package ge.dms.command.db;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;

/**
 * {@code dms.postgres.*}: where the write database is and how hard the pool may lean on it.
 * Validated when the pool is built at start-up, so a missing or malformed URL stops the service
 * with the variable's name.
 */
@ConfigurationProperties("dms.postgres")
public class DatabaseConfig {

    @NotBlank(message = "DMS_POSTGRES_URL (dms.postgres.url) must be set to the write database's JDBC URL")
    @Pattern(regexp = "|jdbc:postgresql://.+", // blank: @NotBlank says it
            message = "DMS_POSTGRES_URL (dms.postgres.url) must be a jdbc:postgresql://host:port/database URL")
    private String url;
    private String user;
    private String password;
    // Every request is one short transaction (a few ms), so a handful of connections keeps a
    // 2-core PostgreSQL busy; more connections only add contention ((cores * 2) + 1 rule of thumb,
    // rounded up for the latency of the network hop).
    private int maximumPoolSize = 10;
    // Fail fast (a 503 problem) when the pool is exhausted instead of queueing requests for 30 s.
    private Duration connectionTimeout = Duration.ofSeconds(2);
    // No request legitimately runs longer; a runaway statement is cancelled by the server.
    private Duration statementTimeout = Duration.ofSeconds(5);
    // Two writers on one order wait for each other only for the length of a short transaction.
    private Duration lockTimeout = Duration.ofSeconds(2);

    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public int getMaximumPoolSize() { return maximumPoolSize; }
    public void setMaximumPoolSize(int maximumPoolSize) { this.maximumPoolSize = maximumPoolSize; }
    public Duration getConnectionTimeout() { return connectionTimeout; }
    public void setConnectionTimeout(Duration connectionTimeout) { this.connectionTimeout = connectionTimeout; }
    public Duration getStatementTimeout() { return statementTimeout; }
    public void setStatementTimeout(Duration statementTimeout) { this.statementTimeout = statementTimeout; }
    public Duration getLockTimeout() { return lockTimeout; }
    public void setLockTimeout(Duration lockTimeout) { this.lockTimeout = lockTimeout; }
}
