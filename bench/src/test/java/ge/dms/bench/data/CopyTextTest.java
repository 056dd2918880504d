package ge.dms.bench.data;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CopyTextTest {

    @Test
    void shouldEscapeTextAndWriteNulls() {
        CopyText text = new CopyText();
        text.add(1L).add("ა\tბ\\გ\nდ").add(null).add(new BigDecimal("2.500")).add(Instant.parse("2026-01-02T03:04:05Z")).endRow();

        assertThat(new String(text.bytes(), StandardCharsets.UTF_8))
                .isEqualTo("1\tა\\tბ\\\\გ\\nდ\t\\N\t2.500\t2026-01-02T03:04:05Z\n");
        assertThat(text.rows()).isEqualTo(1);
    }
}
