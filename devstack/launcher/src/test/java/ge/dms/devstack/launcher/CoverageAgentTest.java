package ge.dms.devstack.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageAgentTest {

    @TempDir
    Path dir;

    @Test
    void shouldBeOffWhenTheTestJvmNamesNoAgent() {
        assertThat(CoverageAgent.from(null, dir.toString())).isEmpty();
        assertThat(CoverageAgent.from("", dir.toString())).isEmpty();
    }

    @Test
    void shouldBeOffWhenTheAgentJarIsMissing() {
        assertThat(CoverageAgent.from(dir.resolve("absent.jar").toString(), dir.toString())).isEmpty();
    }

    @Test
    void shouldRecordEachServiceIntoAFileOfItsNameAppendingOnRestart() throws IOException {
        Path jar = Files.createFile(dir.resolve("jacocoagent.jar"));
        Path data = dir.resolve("jacoco-services");

        CoverageAgent agent = CoverageAgent.from(jar.toString(), data.toString()).orElseThrow();

        assertThat(agent.jvmOptions("query-api-2")).containsExactly("-javaagent:" + jar.toAbsolutePath()
                + "=destfile=" + data.resolve("query-api-2.exec").toAbsolutePath() + ",append=true,includes=ge.dms.*");
    }
}
