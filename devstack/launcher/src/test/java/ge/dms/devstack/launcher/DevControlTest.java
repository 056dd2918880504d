package ge.dms.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevControlTest {

    @Test
    void shouldReadTheServicesToRestartFromTheQuery() {
        assertThat(DevControl.services("services=projections,query-api")).containsExactly("projections", "query-api");
        assertThat(DevControl.services("x=1&services=query-api%2Cprojections,query-api")).containsExactly("query-api", "projections");
    }

    @Test
    void shouldRefuseARestartThatNamesNoService() {
        assertThatThrownBy(() -> DevControl.services(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DevControl.services("services=")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAnswerARestartWithEachServicesHealthUrlAsJson() throws Exception {
        Map<String, URI> health = new LinkedHashMap<>();
        health.put("projections", URI.create("http://localhost:40123/health"));
        health.put("query-api", URI.create("http://localhost:8082/health"));

        JsonNode answer = new ObjectMapper().readTree(DevControl.restarted(health, 12.3456));

        assertThat(answer.path("restarted").toString()).isEqualTo("[\"projections\",\"query-api\"]");
        assertThat(answer.path("seconds").asDouble()).isEqualTo(12.346);
        assertThat(answer.path("health").path("query-api").asText()).isEqualTo("http://localhost:8082/health");
    }
}
