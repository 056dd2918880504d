package ge.dms.bench.fanout;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class ColdRestartTest {

    @Test
    void shouldReadTheRestartedServicesHealthUrlsInOrder() throws Exception {
        String answer = """
                {"restarted":["projections","query-api"],"seconds":21.5,
                 "health":{"projections":"http://localhost:40123/health","query-api":"http://localhost:8082/health"}}""";

        assertThat(ColdRestart.healthUrls(answer)).containsExactly(
                java.util.Map.entry("projections", URI.create("http://localhost:40123/health")),
                java.util.Map.entry("query-api", URI.create("http://localhost:8082/health")));
    }
}
