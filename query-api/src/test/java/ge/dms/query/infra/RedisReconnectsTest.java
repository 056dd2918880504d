package ge.dms.query.infra;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RedisReconnectsTest {

    @Test
    void shouldTryAgainAtLeastTwiceASecondHoweverLongRedisWasAway() {
        ClientResources resources = RedisReconnects.resources();
        try {
            Delay delay = resources.reconnectDelay();

            assertThat(delay.createDelay(1)).isLessThan(Duration.ofMillis(100));
            for (long attempt = 1; attempt <= 60; attempt++) {
                assertThat(delay.createDelay(attempt)).as("attempt %d", attempt).isLessThanOrEqualTo(RedisReconnects.MAX_DELAY);
            }
            assertThat(delay.createDelay(60)).isEqualTo(RedisReconnects.MAX_DELAY);
            assertThat(Delay.exponential().createDelay(15)).as("what Lettuce's default would wait by then")
                    .isGreaterThan(Duration.ofSeconds(10));
        } finally {
            resources.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }
}
