package ge.dms.command.session;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/** {@code dms.session.*}: how long sign-in lasts and when repeated failures lock an account. */
@ConfigurationProperties("dms.session")
public class SessionConfig {

    // Short: a stolen access token is good for minutes; revocation reaches query-api within seconds anyway.
    @NotNull
    private Duration accessTokenTtl = Duration.ofMinutes(15);
    // A working day: staff sign in once a shift; refreshing does not extend it.
    @NotNull
    private Duration sessionTtl = Duration.ofHours(12);
    @Min(1)
    private int maxFailedAttempts = 5;
    @NotNull
    private Duration lockout = Duration.ofMinutes(15);

    public Duration getAccessTokenTtl() { return accessTokenTtl; }
    public void setAccessTokenTtl(Duration accessTokenTtl) { this.accessTokenTtl = accessTokenTtl; }
    public Duration getSessionTtl() { return sessionTtl; }
    public void setSessionTtl(Duration sessionTtl) { this.sessionTtl = sessionTtl; }
    public int getMaxFailedAttempts() { return maxFailedAttempts; }
    public void setMaxFailedAttempts(int maxFailedAttempts) { this.maxFailedAttempts = maxFailedAttempts; }
    public Duration getLockout() { return lockout; }
    public void setLockout(Duration lockout) { this.lockout = lockout; }
}
