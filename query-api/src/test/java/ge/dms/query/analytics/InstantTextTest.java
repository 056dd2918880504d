package ge.dms.query.analytics;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class InstantTextTest {

    @Test
    void shouldWriteWhatInstantToStringWrites() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(-62_135_596_800L, 253_402_300_799L); // years 1..9999
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((i % 29 - 14) * 3600);
            assertThat(InstantText.of(instant.atOffset(offset))).as("%s", instant).isEqualTo(instant.toString());
        }
    }

    @Test
    void shouldKeepTheEdgesOfTheYearRangeAndMidnight() {
        for (String text : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z",
                "2026-11-22T20:00:00.100Z", "2026-11-22T20:00:00.000100Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(InstantText.of(OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(4)))).isEqualTo(instant.toString());
        }
    }
}
