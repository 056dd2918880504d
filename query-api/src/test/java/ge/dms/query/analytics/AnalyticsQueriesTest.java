package ge.dms.query.analytics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyticsQueriesTest {

    private static final Integer[] BOUNDS = {5, 10, 15, null};

    @Test
    void shouldNameTheUpperBoundOfTheBucketHoldingTheRank() {
        Long[] merged = {1L, 3L, 0L, 0L}; // ranks 1 | 2-4

        assertThat(AnalyticsQueries.quantile(merged, BOUNDS, 0.25)).isEqualTo(5L);
        assertThat(AnalyticsQueries.quantile(merged, BOUNDS, 0.5)).isEqualTo(10L);
        assertThat(AnalyticsQueries.quantile(merged, BOUNDS, 0.9)).isEqualTo(10L);
    }

    @Test
    void shouldAnswerNullInTheOpenBucketAndWithoutData() {
        assertThat(AnalyticsQueries.quantile(new Long[] {1L, 0L, 0L, 9L}, BOUNDS, 0.5)).as("beyond the last bound").isNull();
        assertThat(AnalyticsQueries.quantile(new Long[] {0L, 0L, 0L, 0L}, BOUNDS, 0.5)).as("no delivered order").isNull();
        assertThat(AnalyticsQueries.quantile(new Long[0], BOUNDS, 0.5)).as("no rows in the range").isNull();
    }
}
