package ge.dms.bench.cli;

import ge.dms.bench.support.TestBench;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The common options, declared once in {@link Scenario}: each scenario's help says its own defaults, and only what it offers. */
class ScenarioTest {

    @Test
    void shouldShowEachScenariosOwnWordingAndDefaultsOfTheCommonOptions() {
        String board = TestBench.bench("board", "--help").out().replaceAll("\\s+", " ");
        String analytics = TestBench.bench("analytics", "--help").out().replaceAll("\\s+", " ");

        assertThat(board).contains("--duration=<duration> measured time per side (default 30s; 3s with --quick)",
                "--rate=<rate> offered requests/s, each side (default 500; 100 with --quick)",
                "--max-in-flight=<maxInFlight> outstanding requests before the client refuses one (default 2000)",
                "--quick 50 open orders, 100 requests/s, 3 s per side after 1 s of warm-up",
                "--command-api=<commandApi>", "--jwt-secret-file=<secretFile>", "--results-dir=<resultsDir>");
        assertThat(analytics).contains("(default 500)", "per-request timeout (default 30s)");
    }

    @Test
    void shouldOfferOnlyTheCommonOptionsAScenarioUses() {
        String export = TestBench.bench("export", "--help").out();

        assertThat(export).contains("--timeout", "per-export timeout (default 5m)").doesNotContain("--duration", "--rate=", "--max-in-flight");
        TestBench.Run refused = TestBench.bench("commands", "--rate", "5");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("Unknown option", "--rate");
    }

    @Test
    void shouldRefuseACommonOptionOutOfRangeBeforeSettingAnythingUp() {
        TestBench.Run run = TestBench.bench("commands", "--duration", "0s", "--command-api", "http://127.0.0.1:9",
                "--jwt-secret-file", "/nonexistent/jwt-secret", "--no-progress");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--duration must be positive").doesNotContain("no JWT secret");
    }
}
