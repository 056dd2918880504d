package ge.dms.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ge.dms.bench.Bench;
import ge.dms.devstack.infra.Endpoints;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.test.WithDevStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./dev bench all --quick} at tiny sizes against the whole platform (each service its own
 * JVM, as {@code ./dev up} runs it): proves every scenario runs end to end and writes its results.
 * Asserts behaviour (files, series, counts, no lost or doubled driver message), never speed.
 */
@WithDevStack
@ExtendWith(SharedPlatform.Extension.class)
class BenchSmokeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SCENARIOS = List.of("generate", "commands", "fanout", "board", "analytics", "export", "rebuild");

    @Test
    void shouldRunEveryScenarioAtTinySizesAndWriteItsResults(SharedPlatform shared, @TempDir Path results) throws Exception {
        StringWriter printed = new StringWriter();
        CommandLine bench = Bench.commandLine();
        bench.setOut(new PrintWriter(printed, true));
        int exit = bench.execute(arguments(shared, results).toArray(String[]::new));

        JsonNode all = JSON.readTree(results.resolve("all.json").toFile());
        for (String scenario : SCENARIOS) {
            assertThat(all.path("figures").path(scenario).path("status").asText()).as(scenario + " in all.json\n" + printed)
                    .isEqualTo("ok");
        }
        assertThat(exit).as("bench all exit code").isZero();

        JsonNode fanout = result(results, "fanout");
        assertThat(seriesNames(fanout)).contains("request->socket", "commit->socket", "request->answer",
                "hop 1 request->commit", "hops 2-5 commit->redis", "hop 6 redis->socket");
        assertThat(series(fanout, "request->socket").path("count").asLong()).isPositive();
        assertThat(series(fanout, "commit->socket").path("count").asLong()).isPositive();
        assertThat(fanout.path("figures").path("messagesMissing").asLong()).as("missing driver messages").isZero();
        assertThat(fanout.path("figures").path("messagesDuplicated").asLong()).as("duplicated driver messages").isZero();
        assertThat(fanout.path("figures").path("messagesUnexpected").asLong()).as("messages for no change made").isZero();
        // --quick reassigns and renames a few times too; their messages are in the counts above.
        assertThat(fanout.path("figures").path("reassignments").asLong()).as("reassignments made").isPositive();
        assertThat(fanout.path("figures").path("renamesMade").asLong()).as("renames made").isPositive();
        // Failed requests are not asserted: on a busy CI machine a request may time out; a lost message never may.

        JsonNode commands = result(results, "commands");
        assertThat(seriesNames(commands)).contains("10/s place", "10/s transition", "10/s all");
        assertThat(series(commands, "10/s all").path("count").asLong()).isPositive();
        JsonNode generate = result(results, "generate").path("figures");
        assertThat(generate.path("totalRows").asLong()).as("rows generated").isPositive();
        // It waited until the read side held every order at its write-side version, so later scenarios see no backlog.
        assertThat(generate.path("catchUpSecondsAfterLoad").isNumber()).as("generate waited for the views: " + generate).isTrue();
        for (String scenario : List.of("board", "analytics", "export", "rebuild")) {
            JsonNode result = result(results, scenario);
            boolean measuredSomething = StreamSupport.stream(result.path("series").spliterator(), false)
                    .anyMatch(s -> s.path("count").asLong() > 0) || !result.path("figures").isEmpty();
            assertThat(measuredSomething).as(scenario + " measured something").isTrue();
        }
    }

    private static List<String> arguments(SharedPlatform shared, Path results) {
        Endpoints endpoints = shared.infrastructure().endpoints();
        PostgresEndpoint write = endpoints.writeDatabase();
        PostgresEndpoint read = endpoints.readDatabase();
        Platform platform = shared.platform();
        List<String> args = new ArrayList<>(List.of("all", "--quick", "--no-progress", "--results-dir=" + results,
                "--command-api=" + platform.commandApi(), "--query-api=" + platform.queryApi(),
                "--jwt-secret-file=" + shared.secretFile(),
                "--postgres-url=" + write.jdbcUrl(), "--postgres-user=" + write.user(), "--postgres-password=" + write.password(),
                "--read-postgres-url=" + read.jdbcUrl(), "--read-postgres-user=" + read.user(),
                "--read-postgres-password=" + read.password(),
                "--dev-control=" + shared.controlUrl(), "--cdc-metrics=" + platform.cdcHealth().resolve("/metrics")));
        // Tiny sizes: this proves the tool works, it measures nothing.
        // Long request timeouts: the services are cold and the machine may be busy; a timeout proves nothing here.
        for (String arg : List.of("generate:--orders=300", "generate:--restaurants=10", "generate:--drivers=5", "generate:--products=40",
                "commands:--rates=10", "commands:--duration=2s", "commands:--warmup=1s", "commands:--restaurants=3",
                "commands:--drivers=2", "commands:--products=5", "commands:--timeout=60s",
                "fanout:--drivers=5", "fanout:--rate=10", "fanout:--duration=2s", "fanout:--warmup=1s", "fanout:--timeout=60s",
                "board:--rate=20", "board:--duration=2s", "board:--open-orders=20",
                "analytics:--duration=2s", "export:--rows=500")) {
            args.add("--arg");
            args.add(arg);
        }
        return args;
    }

    private static JsonNode result(Path results, String scenario) throws Exception {
        Path file = results.resolve(scenario + ".json");
        assertThat(file).as(scenario + " results").exists();
        JsonNode json = JSON.readTree(file.toFile());
        assertThat(json.path("scenario").asText()).isEqualTo(scenario);
        return json;
    }

    private static List<String> seriesNames(JsonNode result) {
        return StreamSupport.stream(result.path("series").spliterator(), false).map(s -> s.path("name").asText()).toList();
    }

    private static JsonNode series(JsonNode result, String name) {
        return StreamSupport.stream(result.path("series").spliterator(), false)
                .filter(s -> s.path("name").asText().equals(name)).findFirst().orElseThrow();
    }
}
