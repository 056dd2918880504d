package ge.dms.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResultFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("dms.root", ".")).toAbsolutePath().normalize();
    private static final Path HOME = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();

    @Test
    void shouldWriteNoAbsolutePathOfThisMachineIntoTheResultFiles(@TempDir Path results) throws Exception {
        ResultFiles files = new ResultFiles(results);
        ScenarioResult result = result(Map.of("chart", ROOT.resolve("bench/results/fanout.png").toString(),
                "results", results.resolve("fanout.json").toString(), "secret", HOME.resolve(".dev/jwt-secret").toString(),
                "state", "could not open " + TMP.resolve("dms-up-1/projections-state") + ": gone"));

        String json = Files.readString(files.json(result), StandardCharsets.UTF_8);
        String markdown = Files.readString(files.markdown(result), StandardCharsets.UTF_8);

        for (String written : List.of(json, markdown)) {
            assertThat(written).doesNotContain(ROOT + "/", results.toString(), HOME + "/", TMP + "/")
                    .contains("bench/results/fanout.png", "fanout.json", "~/.dev/jwt-secret", "$TMPDIR/dms-up-1/projections-state: gone");
        }
    }

    @Test
    void shouldLeaveApiPathsAndLookalikeFoldersAsTheyAre() {
        PortablePaths portable = new PortablePaths(Path.of("/work/main"), Path.of("/work/main/bench/results"), Path.of("/root"),
                Path.of("/tmp"));

        assertThat(portable.apply("GET /api/orders?from=2026 and /work/mainline/x, /proc/9/root/tmp/.java_pid9"))
                .isEqualTo("GET /api/orders?from=2026 and /work/mainline/x, /proc/9/root/tmp/.java_pid9");
        assertThat(portable.apply("\"/work/main/bench/results/all.json\", /work/main, /root/.m2, /tmp/x"))
                .isEqualTo("\"bench/results/all.json\", ., ~/.m2, $TMPDIR/x");
    }

    @Test
    void shouldNameAResultsFolderOutsideTheRootByItsFileNamesOnly() {
        PortablePaths portable = new PortablePaths(Path.of("/work/main"), Path.of("/tmp/prof"), Path.of("/root"), Path.of("/tmp"));

        assertThat(portable.apply("results: /tmp/prof/fanout.json, /tmp/other/x")).isEqualTo("results: fanout.json, $TMPDIR/other/x");
    }

    private static ScenarioResult result(Map<String, Object> figures) {
        return new ScenarioResult("fanout", "2026-12-04T00:00:00Z", "2026-12-04T00:01:00Z", Machine.describe(),
                new LinkedHashMap<>(Map.of("request", "/api/export/orders.csv?from=2026-01-01")), List.of(), new LinkedHashMap<>(figures));
    }
}
