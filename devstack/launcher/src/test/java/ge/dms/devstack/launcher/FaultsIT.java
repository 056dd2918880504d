package ge.dms.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ge.dms.bench.Bench;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.test.WithDevStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./dev bench faults} in its quick form against the shared platform (each service its own JVM, its control
 * endpoint with the fault endpoints): kill -9 of the projections and of the query API, Redis frozen, each under a
 * small load. Asserts the zero figures of every fault (nothing acknowledged lost, no drift, no socket message missing,
 * duplicated or unexpected) and that each recovery was seen, never how long it took.
 */
@WithDevStack
@ExtendWith(SharedPlatform.Extension.class)
class FaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Other faults than the quick three, e.g. {@code -Ddms.faults=restart:postgres,restart:kafka} (a local run; CI runs the three). */
    private static final String FAULTS = System.getProperty("dms.faults", "");

    @Test
    void shouldLoseNothingThroughEachFault(SharedPlatform shared, @TempDir Path results) throws Exception {
        StringWriter printed = new StringWriter();
        CommandLine bench = Bench.commandLine();
        bench.setOut(new PrintWriter(printed, true));
        bench.setErr(new PrintWriter(printed, true));

        int exit = bench.execute(arguments(shared, results).toArray(String[]::new));

        assertThat(exit).as("bench faults exit code\n" + printed).isZero();
        JsonNode figures = JSON.readTree(results.resolve("faults.json").toFile()).path("figures");
        JsonNode rows = figures.path("faults");
        assertThat(rows.size()).as("one row per fault\n" + printed).isEqualTo(FAULTS.isBlank() ? 3 : FAULTS.split(",").length);
        for (JsonNode row : rows) {
            String fault = row.path("fault").asText();
            assertThat(row.has("error")).as(fault + " ran to the end: " + row).isFalse();
            assertThat(row.path("acknowledged").asLong()).as(fault + ": changes acknowledged").isPositive();
            assertThat(row.path("lost").asLong()).as(fault + ": acknowledged, not in the write side " + row).isZero();
            assertThat(row.path("presentInWriteSide").asLong()).isEqualTo(row.path("acknowledged").asLong());
            assertThat(row.path("drift").asLong()).as(fault + ": views drifted " + row).isZero();
            assertThat(row.path("messagesMissing").asLong()).as(fault + ": socket messages missing " + row).isZero();
            assertThat(row.path("messagesDuplicated").asLong()).as(fault + ": socket messages duplicated " + row).isZero();
            assertThat(row.path("messagesUnexpected").asLong()).as(fault + ": messages for no change made " + row).isZero();
            assertThat(row.path("writesBackSeconds").isNumber()).as(fault + ": writes came back " + row).isTrue();
            assertThat(row.path("socketsBackSeconds").isNumber()).as(fault + ": socket messages came back " + row).isTrue();
        }
        assertThat(figures.path("allZero").asBoolean()).as("allZero in " + figures).isTrue();
    }

    private static List<String> arguments(SharedPlatform shared, Path results) {
        PostgresEndpoint write = shared.infrastructure().endpoints().writeDatabase();
        Platform platform = shared.platform();
        List<String> args = new java.util.ArrayList<>(List.of("faults", "--quick", "--no-progress", "--results-dir=" + results,
                "--command-api=" + platform.commandApi(), "--query-api=" + platform.queryApi(),
                "--jwt-secret-file=" + shared.secretFile(), "--postgres-url=" + write.jdbcUrl(),
                "--postgres-user=" + write.user(), "--postgres-password=" + write.password(),
                "--dev-control=" + shared.controlUrl(),
                // Small and slow enough for a busy CI machine: this asserts nothing is lost, not how fast it comes back.
                "--drivers=5", "--rate=5", "--readers=2", "--timeout=60s", "--settle=180s", "--drain=60s"));
        if (!FAULTS.isBlank()) {
            args.add("--faults=" + FAULTS);
        }
        return args;
    }
}
