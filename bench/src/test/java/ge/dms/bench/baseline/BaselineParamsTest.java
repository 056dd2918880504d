package ge.dms.bench.baseline;

import ge.dms.bench.analytics.KpiRange;
import ge.dms.bench.board.BoardQuery;
import ge.dms.http.token.Caller;
import ge.dms.http.token.Role;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The baseline reads the bench's requests as the query API does: same board query, the API's cursors, 400s for bad input. */
class BaselineParamsTest {

    private static final Caller ADMIN = new Caller(Role.ADMIN, null);
    private static final LocalDate TODAY = LocalDate.parse("2026-12-04");

    @Test
    void shouldTurnTheBenchsBoardRequestIntoTheSameQuery() {
        Instant from = Instant.parse("2026-11-27T10:00:00Z");
        String cursor = cursor("k1:1795162530123:45");
        BoardQuery asked = BoardQuery.firstPage("deep", 7, 20).withStatus("confirmed").withRange(from, null).withDriver(3)
                .after(cursor, Instant.parse("2026-11-20T08:15:30.123999Z"), 45);

        BoardQuery read = BaselineBoardController.query(7, "confirmed", from.toString(), null, "3", cursor, "20");

        assertThat(read.sql()).isEqualTo(asked.sql());
        assertThat(read.parameters()).isEqualTo(asked.parameters());
        assertThat(read.apiPath()).isEqualTo(asked.apiPath());
    }

    @Test
    void shouldTakeTheApisMillisecondCursorAsTheEndOfItsMillisecondAndIssueMicrosecondOnes() {
        BaselineParams.Position fromRedis = BaselineParams.cursor(cursor("k1:1795162530123:45"));
        BaselineParams.Position own = new BaselineParams.Position(Instant.parse("2026-11-20T08:15:30.123456Z"), 46);

        assertThat(fromRedis).isEqualTo(new BaselineParams.Position(Instant.parse("2026-11-20T08:15:30.123999Z"), 45));
        assertThat(BaselineParams.cursor(own.encode())).isEqualTo(own);
    }

    @Test
    void shouldRefuseBadBoardParametersNamingThem() {
        assertField(() -> BaselineBoardController.query(7, "lost", null, null, null, null, null), "status");
        assertField(() -> BaselineBoardController.query(7, null, "yesterday", null, null, null, null), "from");
        assertField(() -> BaselineBoardController.query(7, null, "2026-11-02", "2026-11-01", null, null, null), "from");
        assertField(() -> BaselineBoardController.query(7, null, null, null, "x", null, null), "driverId");
        assertField(() -> BaselineBoardController.query(7, null, null, null, null, "garbage", null), "cursor");
        assertField(() -> BaselineBoardController.query(7, null, null, null, null, cursor("k1:99999999999999999:1"), null), "cursor");
        assertField(() -> BaselineBoardController.query(7, null, null, null, null, null, "0"), "limit");
        assertField(() -> BaselineBoardController.query(7, null, null, null, null, null, "501"), "limit");
    }

    @Test
    void shouldReadTheKpiRangeAsTheQueryApiDoes() {
        assertThat(BaselineKpiController.range(ADMIN, null, null, null, null, TODAY))
                .isEqualTo(new KpiRange(LocalDate.parse("2026-11-05"), LocalDate.parse("2026-12-05"), null));
        assertThat(BaselineKpiController.range(ADMIN, "2026-06-04", "2026-12-05", "7", null, TODAY))
                .isEqualTo(new KpiRange(LocalDate.parse("2026-06-04"), LocalDate.parse("2026-12-05"), 7L));
        assertThat(BaselineKpiController.range(new Caller(Role.RESTAURANT, 9L), "2026-06-04", null, null, null, TODAY).restaurantId())
                .as("a restaurant's own").isEqualTo(9L);
        assertField(() -> BaselineKpiController.range(ADMIN, "2026-01-01", "2027-03-01", null, null, TODAY), "to");
        assertField(() -> BaselineKpiController.range(ADMIN, "2026-12-05", "2026-12-05", null, null, TODAY), "from");
        assertField(() -> BaselineKpiController.range(ADMIN, "2026-13-01", null, null, null, TODAY), "from");
        assertField(() -> BaselineKpiController.range(ADMIN, null, null, null, "3", TODAY), "driverId");
    }

    @Test
    void shouldRoundExactSecondsUpToTheMinute() {
        assertThat(BaselineKpis.minutesAtMost(60L)).isEqualTo(1);
        assertThat(BaselineKpis.minutesAtMost(61L)).isEqualTo(2);
        assertThat(BaselineKpis.minutesAtMost(0L)).isZero();
        assertThat(BaselineKpis.minutesAtMost(null)).isNull();
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BaselineProblem.class, e -> {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo(field));
        });
    }

    private static String cursor(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
