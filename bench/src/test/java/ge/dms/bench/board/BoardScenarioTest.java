package ge.dms.bench.board;

import ge.dms.bench.platform.Probe;
import ge.dms.bench.report.Run;
import ge.dms.bench.report.Series;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sustained rate the board reports: per side, the highest measured rate whose p99 held 10 ms with no errors. */
class BoardScenarioTest {

    private static Series all(String name, double p99, long errors) {
        return new Series(name, 100, errors, 1, 2, p99, p99, p99, 1, 100, Map.of());
    }

    @Test
    void shouldReportTheHighestRateEachSideHeldItsP99AtOrUnderTenMilliseconds() {
        Run run = new Run("board", java.time.Instant.now());
        run.series().addAll(List.of(all("500/s api all", 4, 0), all("1000/s api all", 10, 0), all("2000/s api all", 31, 0),
                all("500/s baseline all", 12, 0), all("1000/s baseline all", 40, 0), all("2000/s baseline all", 90, 0),
                all("500/s sql all", 3, 2), all("1000/s sql all", 6, 0), all("2000/s sql all", 8, 1)));

        Map<String, Double> held = BoardScenario.sustained(run, List.of(500.0, 1000.0, 2000.0),
                List.of(Probe.API, Probe.BASELINE, Probe.SQL));

        assertThat(held).containsEntry(Probe.API, 1000.0).containsEntry(Probe.BASELINE, null).containsEntry(Probe.SQL, 1000.0);
    }

    @Test
    void shouldLabelRatesAsTheSeriesDo() {
        assertThat(BoardScenario.label(500)).isEqualTo("500/s");
        assertThat(BoardScenario.label(2.5)).isEqualTo("2.5/s");
    }
}
