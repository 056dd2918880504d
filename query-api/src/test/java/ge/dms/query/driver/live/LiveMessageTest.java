package ge.dms.query.driver.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LiveMessageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldCarryTheProjectionsTraceAndTheSendTimeOnAChange() throws Exception {
        LiveMessage m = LiveMessage.change("1700000000123-0", Map.of("orderId", "42", "version", "5", "change", "upsert",
                "status", "ready", "commitMs", "1700000000100", "trace", "1700000000105,1700000000110,1700000000111",
                "view", "{\"orderId\":42}"));

        JsonNode sent = JSON.readTree(m.jsonSentAt(1700000000130L));
        assertThat(sent.path("trace").path("cdcMs").asLong()).isEqualTo(1700000000105L);
        assertThat(sent.path("trace").path("streamsMs").asLong()).isEqualTo(1700000000110L);
        assertThat(sent.path("trace").path("emitMs").asLong()).isEqualTo(1700000000111L);
        assertThat(sent.path("sentMs").asLong()).isEqualTo(1700000000130L);
        assertThat(sent.path("order").path("orderId").asLong()).isEqualTo(42);
    }

    @Test
    void shouldLeaveAMalformedTraceOutAndControlMessagesAsTheyAre() throws Exception {
        LiveMessage m = LiveMessage.change("1-0", Map.of("orderId", "42", "version", "5", "trace", "not,a,number"));
        assertThat(JSON.readTree(m.json()).has("trace")).isFalse();

        LiveMessage hello = LiveMessage.hello(3, "1-0");
        assertThat(hello.jsonSentAt(5)).isEqualTo(hello.json());
    }

    @Test
    void shouldCarryTheBoardRowOfABoardFeedsChange() throws Exception {
        LiveMessage m = LiveMessage.change("5-1", Map.of("orderId", "42", "version", "6", "change", "upsert", "status", "ready",
                "commitMs", "1700000000100", "row", "{\"orderId\":42,\"restaurantName\":\"ხაჭაპური\"}"));

        var json = JSON.readTree(m.json());
        assertThat(json.path("row").path("restaurantName").asText()).isEqualTo("ხაჭაპური");
        assertThat(json.has("order")).isFalse();
        assertThat(JSON.readTree(LiveMessage.hello("restaurantId", 7L, "5-0").json()).path("restaurantId").asLong()).isEqualTo(7);
        assertThat(JSON.readTree(LiveMessage.hello(3, "5-0").json()).path("driverId").asLong()).isEqualTo(3);
    }

    @Test
    void shouldNameTheRequestBehindTheChangeWhenTheEntryDoes() throws Exception {
        LiveMessage named = LiveMessage.change("7-0", Map.of("orderId", "42", "version", "6", "change", "upsert",
                "requestId", "abc-123", "view", "{\"orderId\":42,\"requestId\":\"abc-123\"}"));
        LiveMessage unnamed = LiveMessage.change("7-1", Map.of("orderId", "42", "version", "7", "change", "unassigned"));

        assertThat(JSON.readTree(named.jsonSentAt(1)).path("requestId").asText()).isEqualTo("abc-123");
        assertThat(JSON.readTree(named.json()).path("order").path("requestId").asText()).isEqualTo("abc-123");
        assertThat(JSON.readTree(unnamed.json()).has("requestId")).as("an entry written outside a request").isFalse();
    }
}
