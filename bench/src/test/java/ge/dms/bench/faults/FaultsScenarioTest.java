package ge.dms.bench.faults;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultsScenarioTest {

    @Test
    void shouldReadEachKindOfFaultAndNameItsEndpoint() {
        assertThat(Fault.parse("kill:projections-2").path()).isEqualTo("/fault/kill?service=projections-2");
        assertThat(Fault.parse(" restart:redis-empty ").path()).isEqualTo("/fault/restart-server?server=redis-empty");
        assertThat(Fault.parse("pause:redis").path()).isEqualTo("/fault/pause?server=redis");
        assertThat(Fault.parse("restart:postgres")).hasToString("restart:postgres");
    }

    @Test
    void shouldRefuseWhatIsNoFault() {
        for (String text : List.of("kill", "kill:", "stop:redis", "redis")) {
            assertThatThrownBy(() -> Fault.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldBeAllZeroOnlyWhenEveryRowLostNothingAndRanToTheEnd() {
        Map<String, Object> clean = row("kill:projections", 0, 0, 0);
        assertThat(FaultsScenario.totals(List.of(clean, row("pause:redis", 0, 0, 0))).get("allZero")).isEqualTo(true);

        Map<String, Object> totals = FaultsScenario.totals(List.of(clean, row("restart:redis-empty", 0, 1, 35)));
        assertThat(totals.get("allZero")).isEqualTo(false);
        assertThat(totals).containsEntry("driftTotal", 1L).containsEntry("messagesMissingTotal", 35L);

        Map<String, Object> failed = new LinkedHashMap<>(Map.of("fault", "restart:kafka", "error", "timeout"));
        assertThat(FaultsScenario.totals(List.of(clean, failed))).containsEntry("faultsFailed", 1L).containsEntry("allZero", false);
    }

    private static Map<String, Object> row(String fault, long lost, long drift, long missing) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("fault", fault);
        row.put("lost", lost);
        row.put("drift", drift);
        row.put("messagesMissing", missing);
        row.put("messagesDuplicated", 0L);
        row.put("messagesUnexpected", 0L);
        return row;
    }
}
