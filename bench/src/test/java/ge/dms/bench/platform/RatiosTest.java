package ge.dms.bench.platform;

import ge.dms.bench.report.Series;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RatiosTest {

    private static Series series(String name, long count, double p50, double p99, double mean) {
        return new Series(name, count, 0, p50, p50, p99, p99, p99, mean, count, Map.of());
    }

    @Test
    void shouldDivideTheSqlSideByTheApiSidePerProbe() {
        List<Series> series = List.of(series("api first", 10, 1.0, 4.0, 2.0), series("sql first", 10, 3.5, 10.0, 5.0),
                series("api all", 10, 1.0, 4.0, 2.0), series("sql all", 10, 2.0, 4.0, 1.0));

        Map<String, Map<String, Double>> ratios = Ratios.of(series, List.of("first", "all"));

        assertThat(ratios.get("first")).containsExactly(Map.entry("p50", 3.5), Map.entry("p99", 2.5), Map.entry("mean", 2.5));
        assertThat(ratios.get("all")).containsEntry("mean", 0.5);
    }

    @Test
    void shouldLeaveOutProbesWithoutSamplesOnEitherSide() {
        List<Series> series = List.of(series("api driver", 0, 0, 0, 0), series("sql driver", 10, 3, 9, 4),
                series("api deep", 5, 1, 1, 1));

        assertThat(Ratios.of(series, List.of("driver", "deep", "missing"))).isEmpty();
    }

    @Test
    void shouldHaveNoRatioForAZeroDenominator() {
        assertThat(Ratios.ratio(5, 0)).isNull();
        assertThat(Ratios.ratio(1, 3)).isEqualTo(0.33);
    }

    @Test
    void shouldSpreadLoadOverEnoughCallersForTheRateLimit() {
        assertThat(Callers.count(1)).isEqualTo(1);
        assertThat(Callers.count(120)).isEqualTo(1);
        assertThat(Callers.count(500)).isEqualTo(5);
    }

    @Test
    void shouldCountErrorsByKind() {
        assertThat(SideBySide.kind(new Probe.Failed("429"))).isEqualTo("429");
        assertThat(SideBySide.kind(new java.net.http.HttpTimeoutException("slow"))).isEqualTo("timeout");
        assertThat(SideBySide.kind(new java.sql.SQLException("gone", "08006"))).isEqualTo("sql 08006");
        assertThat(SideBySide.kind(new java.net.ConnectException("refused"))).isEqualTo("io: ConnectException");
    }
}
