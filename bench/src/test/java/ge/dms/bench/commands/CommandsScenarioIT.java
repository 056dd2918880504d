package ge.dms.bench.commands;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.bench.support.TestBench;
import ge.dms.command.CommandApi;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code commands --quick} at a tiny rate against a real command API: the tool works and writes its results. No speed is asserted. */
@WithDevStack
class CommandsScenarioIT {

    @Test
    void shouldDriveTheCommandApiAndWriteItsResults(TestNamespace ns, @TempDir Path dir) throws Exception {
        try (CommandApi api = TestBench.startCommandApi(ns.writeDatabase())) {
            Path results = dir.resolve("results");
            TestBench.Run run = TestBench.bench("commands", "--quick", "--rates", "10,20", "--duration", "2s", "--warmup", "1s",
                    "--restaurants", "2", "--drivers", "2", "--products", "6", "--no-progress",
                    "--command-api", api.url().toString(), "--jwt-secret-file", TestBench.secretFile(dir).toString(),
                    "--results-dir", results.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("10/s all", "p99.9 ms");
            JsonNode json = TestBench.readJson(results.resolve("commands.json"));
            assertThat(json.get("scenario").asText()).isEqualTo("commands");
            assertThat(json.at("/machine/cores").asInt()).isPositive();
            assertThat(json.at("/machine/memoryBytes").asLong()).isPositive();
            assertThat(json.at("/machine/jdk").asText()).isNotBlank();
            assertThat(json.at("/machine/os").asText()).isNotBlank();
            assertThat(json.at("/machine/cpu").asText()).isNotBlank();
            assertThat(json.at("/parameters/ratesPerSecond").toString()).isEqualTo("[10.0,20.0]");
            assertThat(names(json)).containsExactly("10/s place", "10/s transition", "10/s all", "20/s place", "20/s transition", "20/s all");
            for (JsonNode series : json.get("series")) {
                for (String field : List.of("count", "errors", "p50", "p90", "p99", "p999", "max", "throughput")) {
                    assertThat(series.has(field)).as(series.get("name") + "." + field).isTrue();
                }
                assertThat(series.get("errors").asLong()).as(series.toString()).isZero();
                assertThat(series.get("p50").asDouble()).isLessThanOrEqualTo(series.get("max").asDouble());
            }
            assertThat(json.at("/series/2/count").asLong()).as("2 s at 10/s").isEqualTo(20);
            assertThat(json.at("/series/0/count").asLong() + json.at("/series/1/count").asLong()).isEqualTo(20);
            assertThat(json.at("/series/1/count").asLong()).as("lifecycle transitions were made").isPositive();
            assertThat(json.at("/figures/errors").asLong()).isZero();
            assertThat(Files.readString(results.resolve("commands.md"))).contains("| 10/s all | 20 | 0 |");
            for (String file : List.of("commands.json", "commands.md")) {
                assertThat(Files.readString(results.resolve(file))).as("no path of this machine in " + file)
                        .doesNotContain(dir.toString(), System.getProperty("user.home") + "/");
            }
            assertThat(run.out()).as("the files it wrote, named").contains("commands.json", "commands.md", "commands.png");
            byte[] png = Files.readAllBytes(results.resolve("commands.png"));
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        }
    }

    private static List<String> names(JsonNode json) {
        return json.get("series").findValues("name").stream().map(JsonNode::asText).toList();
    }
}
