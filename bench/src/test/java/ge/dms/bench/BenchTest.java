package ge.dms.bench;

import ge.dms.bench.support.TestBench;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchTest {

    @Test
    void shouldListItsCommands() {
        TestBench.Run run = TestBench.bench("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("generate", "commands");
    }

    @Test
    void shouldSayWhatIsMissingInOneLine() {
        TestBench.Run run = TestBench.bench("commands", "--jwt-secret-file", "/nonexistent/jwt-secret",
                "--command-api", "http://127.0.0.1:9", "--no-progress");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no JWT secret", "/nonexistent/jwt-secret").doesNotContain("\tat ");
    }
}
