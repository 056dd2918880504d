package ge.dms.command.session;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class LockoutTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-03T10:00:00Z");
    private final Lockout lockout = new Lockout(5, Duration.ofMinutes(15));

    @Test
    void shouldCountFailuresBelowTheLimit() {
        Lockout.State state = new Lockout.State(0, null);
        for (int i = 1; i <= 4; i++) {
            state = lockout.afterFailure(state, NOW);
            assertThat(state).isEqualTo(new Lockout.State(i, null));
        }
    }

    @Test
    void shouldLockOnTheFifthFailureAndStartCountingAgain() {
        Lockout.State locked = lockout.afterFailure(new Lockout.State(4, null), NOW);
        assertThat(locked).isEqualTo(new Lockout.State(0, NOW.plusMinutes(15)));
        assertThat(Lockout.isLocked(locked.lockedUntil(), NOW.plusMinutes(14))).isTrue();
        assertThat(Lockout.isLocked(locked.lockedUntil(), NOW.plusMinutes(15))).isFalse();
    }

    @Test
    void shouldKeepAnExpiredLockUntilReplaced() {
        OffsetDateTime old = NOW.minusHours(1);
        assertThat(lockout.afterFailure(new Lockout.State(1, old), NOW)).isEqualTo(new Lockout.State(2, old));
        assertThat(Lockout.isLocked(old, NOW)).isFalse();
        assertThat(Lockout.isLocked(null, NOW)).isFalse();
    }
}
