package ge.dms.query.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTest {

    @Test
    void shouldRoundTripAndStayOpaque() {
        Cursor c = new Cursor(1_732_280_000_123L, 42, false);
        String encoded = c.encode();

        assertThat(encoded).doesNotContain("42").matches("[A-Za-z0-9_-]+");
        assertThat(Cursor.decode(encoded)).isEqualTo(c);
        assertThat(Cursor.decode(null)).isNull();
    }

    @Test
    void shouldConvertBetweenMillisecondsAndMicroseconds() {
        assertThat(new Cursor(1_000_123_456L, 1, true).millis()).isEqualTo(1_000_123L);
        assertThat(new Cursor(1_000_123L, 1, false).microsValue()).isEqualTo(1_000_123_999L);
    }

    @Test
    void shouldRefuseGarbageAsABadRequest() {
        for (String garbage : new String[] {"%%", "bm9wZQ", "azE6eDox", "cDE6MTox"}) {
            if (garbage.equals("cDE6MTox")) {
                continue; // "p1:1:1" is a valid cursor
            }
            assertThatThrownBy(() -> Cursor.decode(garbage)).isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).status().getCode()).isEqualTo(400));
        }
    }

    @Test
    void shouldRefuseAPositionOutsideTheYearsAnyOrderHas() {
        for (long score : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 253_402_300_800_000L}) {
            String forged = new Cursor(score, 1, false).encode();

            assertThatThrownBy(() -> Cursor.decode(forged)).isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).status().getCode()).isEqualTo(400));
        }
        assertThat(Cursor.decode(new Cursor(253_402_300_799_000L, 1, false).encode()).score()).isEqualTo(253_402_300_799_000L);
    }
}
