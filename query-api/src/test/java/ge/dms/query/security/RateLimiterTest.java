package ge.dms.query.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    @Test
    void shouldRefillAFractionalRateAsWholeTokensOverAnExactPeriod() {
        Bandwidth halfPerSecond = RateLimiter.bandwidth(0.5, 3);
        assertThat(halfPerSecond.getCapacity()).isEqualTo(3);
        assertThat(halfPerSecond.getRefillTokens()).isEqualTo(1);
        assertThat(halfPerSecond.getRefillPeriodNanos()).isEqualTo(2_000_000_000L);

        Bandwidth twoAndAHalf = RateLimiter.bandwidth(2.5, 10);
        assertThat(twoAndAHalf.getRefillTokens()).isEqualTo(3);
        assertThat(twoAndAHalf.getRefillPeriodNanos()).isEqualTo(1_200_000_000L);
    }

    @Test
    void shouldSayHowManyWholeSecondsUntilATokenIsBack() {
        Bucket bucket = Bucket.builder().addLimit(RateLimiter.bandwidth(0.5, 1)).build();
        assertThat(RateLimiter.Decision.of(bucket.tryConsumeAndReturnRemaining(1)).allowed()).isTrue();

        ConsumptionProbe refused = bucket.tryConsumeAndReturnRemaining(1);
        RateLimiter.Decision decision = RateLimiter.Decision.of(refused);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.retryAfterSeconds()).isEqualTo(2);
    }
}
