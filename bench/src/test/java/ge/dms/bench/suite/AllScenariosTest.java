package ge.dms.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.bench.Bench;
import ge.dms.bench.support.TestBench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AllScenariosTest {

    @Test
    void shouldGoOnPastAFailedScenarioAndReportAMissingOne(@TempDir Path results) {
        TestBench.Run run = TestBench.bench("all", "--scenarios", "generate,nosuch", "--no-progress", "--results-dir", results.toString(),
                "--postgres-url", "jdbc:postgresql://127.0.0.1:9/nothing");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode all = TestBench.readJson(results.resolve("all.json"));
        assertThat(all.path("figures").path("generate").path("status").asText()).isEqualTo("failed");
        assertThat(all.path("figures").path("nosuch").path("status").asText()).isEqualTo("missing");
        assertThat(all.path("figures").path("notOk").asLong()).isEqualTo(2);
        assertThat(run.out()).contains("== all: generate failed", "== all: nosuch missing");
    }

    @Test
    void shouldRefuseAnOptionNoScenarioHasBeforeRunningAnything(@TempDir Path results) {
        TestBench.Run run = TestBench.bench("all", "--results-dir", results.toString(), "--no-such-option", "1");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("no scenario has an option --no-such-option");
        assertThat(results.resolve("all.json")).doesNotExist();
    }

    @Test
    void shouldPassEachScenarioOnlyTheOptionsItDeclares() {
        CommandLine root = Bench.commandLine();
        Map<String, CommandLine> scenarios = root.getSubcommands();
        List<String> given = List.of("--command-api", "http://api:1", "--postgres-url=jdbc:postgresql://db/x");
        Map<String, String> own = new java.util.LinkedHashMap<>();
        own.put("--quick", null);
        own.put("--results-dir", "/tmp/r");

        assertThat(ForwardedArgs.forTarget(given, scenarios.get("commands"), scenarios.values(), own))
                .containsExactly("--command-api", "http://api:1", "--quick", "--results-dir", "/tmp/r");
        assertThat(ForwardedArgs.forTarget(given, scenarios.get("generate"), scenarios.values(), own))
                .containsExactly("--postgres-url=jdbc:postgresql://db/x", "--quick", "--results-dir", "/tmp/r");
    }
}
