package ge.dms.query.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parameter rules that keep bad input away from the read side's database. */
class ParamsTest {

    @ParameterizedTest
    @ValueSource(strings = {"+100000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z"})
    void shouldRefuseInstantsOutsideFourDigitYears(String value) {
        assertThatThrownBy(() -> Params.instant("from", value)).isInstanceOf(ApiException.class).hasMessageContaining("years 0001 and 9999");
    }

    @Test
    void shouldTakeTheFirstAndLastInstantsOfFourDigitYears() {
        assertThat(Params.instant("from", "0001-01-01T00:00:00Z")).isEqualTo(Params.MIN_INSTANT);
        assertThat(Params.instant("to", "9999-12-31T23:59:59Z")).isBefore(Params.MAX_INSTANT);
    }

    @Test
    void shouldRefuseADayAfterYear9999() {
        assertThatThrownBy(() -> Params.day("from", "+100000-01-01T00:00:00Z", LocalDate.now()))
                .isInstanceOf(ApiException.class).hasMessageContaining("years 0001 and 9999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0000", "tab\there", "bell\u0007", "line\nbreak", "lone \uD800 surrogate"})
    void shouldRefuseControlCharactersInSearchTexts(String value) {
        assertThatThrownBy(() -> Params.text("q", value, 100)).isInstanceOf(ApiException.class)
                .hasMessageContaining("control characters");
    }

    @Test
    void shouldStripAndKeepGeorgianAndEmojiSearchTexts() {
        assertThat(Params.text("q", "  ქეთოს 🍅 ", 100)).isEqualTo("ქეთოს 🍅");
        assertThat(Params.text("q", null, 100)).isNull();
    }

    @Test
    void shouldRefuseBlankOrOverLongSearchTexts() {
        assertThatThrownBy(() -> Params.text("q", "   ", 100)).isInstanceOf(ApiException.class).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> Params.text("q", "x".repeat(101), 100)).isInstanceOf(ApiException.class);
    }

    @Test
    void shouldKeepAnInstantInRangeAsItIs() {
        assertThat(Params.inRange(Instant.parse("2026-11-22T08:00:00Z"))).isTrue();
    }
}
