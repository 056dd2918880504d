package ge.dms.bench.analytics;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KpiRangeTest {

    private static final List<Long> BOUNDS = List.of(5L, 10L, 15L, 20L, 30L, 60L);

    @Test
    void shouldAskForTheSameTbilisiDaysOnBothSides() {
        KpiRange range = KpiRange.lastMonths(6, LocalDate.parse("2026-11-22"), 42L);

        assertThat(range.kpisPath()).isEqualTo("/api/analytics/kpis?from=2026-05-22&to=2026-11-23&restaurantId=42");
        assertThat(range.dailyPath()).isEqualTo("/api/analytics/revenue/daily?from=2026-05-22&to=2026-11-23&restaurantId=42");
        // Tbilisi is UTC+4: its midnight is 20:00 UTC the day before.
        assertThat(range.parameters()).containsExactly(OffsetDateTime.parse("2026-05-21T20:00Z"), OffsetDateTime.parse("2026-11-22T20:00Z"), 42L);
        for (String sql : List.of(range.totalsSql(), range.statusesSql(), range.dailySql())) {
            assertThat(sql).contains("created_at >= ? AND created_at < ? AND restaurant_id = ?");
            assertThat(sql.chars().filter(c -> c == '?').count()).isEqualTo(3);
        }
    }

    @Test
    void shouldLeaveTheRestaurantOutForEverything() {
        KpiRange range = KpiRange.lastMonths(6, LocalDate.parse("2026-11-22"), null);

        assertThat(range.kpisPath()).doesNotContain("restaurantId");
        assertThat(range.parameters()).hasSize(2);
        assertThat(range.totalsSql()).doesNotContain("restaurant_id");
    }

    @Test
    void shouldPlaceExactSecondsInTheHistogramBucketTheApiNames() {
        assertThat(KpiComparison.inBucket(300, 5L, BOUNDS)).isTrue();
        assertThat(KpiComparison.inBucket(301, 5L, BOUNDS)).isFalse();
        assertThat(KpiComparison.inBucket(301, 10L, BOUNDS)).isTrue();
        assertThat(KpiComparison.inBucket(0, 5L, BOUNDS)).isTrue();
        assertThat(KpiComparison.inBucket(3601, null, BOUNDS)).isTrue();
        assertThat(KpiComparison.inBucket(3600, null, BOUNDS)).isFalse();
        assertThat(KpiComparison.inBucket(100, 7L, BOUNDS)).isFalse();
    }

    @Test
    void shouldReportEveryFigureThatDiffers() {
        Kpis.Timing timing = new Kpis.Timing(2, new BigDecimal("600.5"), 10L, 15L);
        Kpis api = new Kpis(3, Map.of("delivered", 2L, "pending", 1L), new BigDecimal("20.00"), 2, timing, timing, 1, 2);
        Kpis sameBySql = new Kpis(3, Map.of("delivered", 2L, "pending", 1L), new BigDecimal("20"), 2,
                new Kpis.Timing(2, new BigDecimal("600.5"), 540L, 900L), new Kpis.Timing(2, new BigDecimal("600.5"), 600L, 601L), 1, 2);
        Kpis otherBySql = new Kpis(4, Map.of("delivered", 2L, "pending", 2L), new BigDecimal("20"), 2,
                new Kpis.Timing(2, new BigDecimal("600.5"), 540L, 1000L), new Kpis.Timing(2, new BigDecimal("600.5"), 600L, 601L), 1, 2);

        assertThat(KpiComparison.compare(api, sameBySql, BOUNDS)).isEmpty();
        assertThat(KpiComparison.compare(api, otherBySql, BOUNDS)).hasSize(3)
                .anyMatch(m -> m.startsWith("orders:")).anyMatch(m -> m.startsWith("statusDistribution:"))
                .anyMatch(m -> m.startsWith("pickupToDelivery.p90:"));
        assertThat(KpiComparison.compare(api, otherBySql, null)).hasSize(2);
    }

    @Test
    void shouldListOnlyTheFirstDifferingDays() {
        Map<String, List<String>> api = Map.of("2026-11-01", List.of("1.00", "1", "1"));
        Map<String, List<String>> sql = new java.util.TreeMap<>();
        for (int d = 1; d <= 9; d++) {
            sql.put("2026-11-0" + d, List.of("2.00", "1", "1"));
        }

        List<String> mismatches = KpiComparison.compareDaily(api, sql);

        assertThat(mismatches).hasSize(KpiComparison.SHOWN_DAYS + 1).last().isEqualTo("6 more days differ");
        assertThat(KpiComparison.compareDaily(sql, sql)).isEmpty();
    }
}
