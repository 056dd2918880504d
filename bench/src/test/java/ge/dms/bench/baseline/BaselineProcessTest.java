package ge.dms.bench.baseline;

import org.junit.jupiter.api.Test;

import java.io.File;

import static org.assertj.core.api.Assertions.assertThat;

class BaselineProcessTest {

    @Test
    void shouldLeaveTheProductsServicesOffTheBaselinesClassPath() {
        String classPath = String.join(File.pathSeparator,
                "/repo/bench/target/classes",
                "/repo/command-api/target/command-api-0.1.0-SNAPSHOT.jar",
                "/repo/query-api/target/classes",
                "/m2/io/micronaut/micronaut-http-server-netty/5.0.2/micronaut-http-server-netty-5.0.2.jar",
                "/repo/projections/target/projections-0.1.0-SNAPSHOT-tests.jar",
                "/repo/schemas/target/schemas-0.1.0-SNAPSHOT.jar");

        assertThat(BaselineProcess.withoutServices(classPath).split(File.pathSeparator)).containsExactly(
                "/repo/bench/target/classes",
                "/m2/io/micronaut/micronaut-http-server-netty/5.0.2/micronaut-http-server-netty-5.0.2.jar",
                "/repo/schemas/target/schemas-0.1.0-SNAPSHOT.jar");
    }
}
