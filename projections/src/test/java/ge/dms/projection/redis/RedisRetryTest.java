package ge.dms.projection.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisRetryTest {

    @Test
    void shouldWaitForARedisThatIsStillLoadingItsData() {
        AtomicInteger attempts = new AtomicInteger();

        String answer = RedisRetry.call(() -> {
            if (attempts.incrementAndGet() <= 3) {
                throw new RedisLoadingException("LOADING Redis is loading the dataset in memory");
            }
            return "OK";
        }, "order 1");

        assertThat(answer).isEqualTo("OK");
        assertThat(attempts).hasValue(4);
    }

    @Test
    void shouldRetryALostConnection() {
        AtomicInteger attempts = new AtomicInteger();

        RedisRetry.call(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new RedisException("Connection closed");
            }
            return 1L;
        }, "order 1");

        assertThat(attempts).hasValue(2);
    }

    @Test
    void shouldNotRetryAnErrorARetryCannotFix() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> RedisRetry.call(() -> {
            attempts.incrementAndGet();
            throw new RedisCommandExecutionException("WRONGTYPE Operation against a key holding the wrong kind of value");
        }, "order 1")).isInstanceOf(RedisCommandExecutionException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void shouldTellTransientFailuresFromPermanentOnes() {
        assertThat(RedisRetry.isTransient(new RedisConnectionException("refused"))).isTrue();
        assertThat(RedisRetry.isTransient(new RedisLoadingException("LOADING"))).isTrue();
        assertThat(RedisRetry.isTransient(new RedisCommandExecutionException("ERR user_script:1: boom"))).isFalse();
        assertThat(RedisRetry.isTransient(new IllegalStateException("not Redis"))).isFalse();
    }
}
