package ge.dms.query.driver.live;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamIdsTest {

    @Test
    void shouldOrderNumericallyNotAsText() {
        assertThat(StreamIds.compare("9-0", "10-0")).isNegative();
        assertThat(StreamIds.compare("10-2", "10-10")).isNegative();
        assertThat(StreamIds.compare("10-2", "10-2")).isZero();
        assertThat(StreamIds.compare("11", "10-99")).isPositive();
    }

    @Test
    void shouldValidateCursors() {
        assertThat(StreamIds.isValid("1732280000000-3")).isTrue();
        assertThat(StreamIds.isValid("0")).isTrue();
        assertThat(StreamIds.isValid("abc")).isFalse();
        assertThat(StreamIds.isValid("1--2")).isFalse();
        assertThat(StreamIds.isValid("")).isFalse();
    }
}
