package ge.dms.command.session;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The lockout rule, pure: after {@code maxFailedAttempts} wrong passwords in a row the account is
 * locked for {@code lockout}, and the count starts again. A success resets the count.
 */
public record Lockout(int maxFailedAttempts, Duration lockout) {

    /** The account's counters after one more wrong password. */
    public State afterFailure(State held, OffsetDateTime now) {
        int failures = held.failedAttempts() + 1;
        return failures >= maxFailedAttempts ? new State(0, now.plus(lockout)) : new State(failures, held.lockedUntil());
    }

    public static boolean isLocked(OffsetDateTime lockedUntil, OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** What the accounts row holds: failures since the last success or lock, and the lock's end. */
    public record State(int failedAttempts, OffsetDateTime lockedUntil) {
    }
}
