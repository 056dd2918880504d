package ge.dms.projection.session;

import ge.dms.projection.StreamsTestSupport;
import ge.dms.projection.source.SessionRevocationRow;
import ge.dms.schemas.ProjectionTopics;
import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.cdc.Op;
import ge.dms.schemas.event.ProjectionDeadLetter;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SessionRevocationProjectionTest {

    private static final Instant REVOKED = Instant.parse("2026-12-03T10:00:00Z");

    private final ProjectionTopics topics = ProjectionTopics.standard();
    private final List<SessionRevocationRow> sunk = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<Long, ChangeEvent> revocations;
    private TestOutputTopic<String, ProjectionDeadLetter> deadLetters;

    @BeforeEach
    void startDriver() {
        driver = new TopologyTestDriver(SessionRevocationProjection.build(topics, sunk::add), StreamsTestSupport.properties());
        revocations = StreamsTestSupport.input(driver, topics.cdc().sessionRevocations());
        deadLetters = StreamsTestSupport.output(driver, topics.deadLetter());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private static ChangeEvent revocation(long id, String sessionId, Op op) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("id", id);
        row.put("session_id", sessionId);
        row.put("revoked_at", REVOKED.toString());
        row.put("expires_at", REVOKED.plusSeconds(900).toString());
        return new ChangeEvent(ChangeEvent.VERSION, op, "session_revocations", id, op == Op.DELETE ? row : null,
                op == Op.DELETE ? null : row, 5000 + id, 77L, "77", 1L, REVOKED, false);
    }

    @Test
    void shouldHandEveryRevocationToTheSinkWithItsExpiry() {
        revocations.pipeInput(1L, revocation(1, "sid-a", Op.CREATE));
        revocations.pipeInput(2L, revocation(2, "sid-b", Op.READ));

        assertThat(sunk).extracting(SessionRevocationRow::sessionId).containsExactly("sid-a", "sid-b");
        assertThat(sunk.getFirst().expiresAt()).isEqualTo(REVOKED.plusSeconds(900));
        assertThat(sunk.getFirst().lsn()).isEqualTo(5001);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldIgnoreDeletesOfOldRevocations() {
        revocations.pipeInput(1L, revocation(1, "sid-a", Op.DELETE));

        assertThat(sunk).isEmpty();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldParkARevocationWithoutASessionInTheDeadLetterTopic() {
        var raw = driver.createInputTopic(topics.cdc().sessionRevocations().name(),
                Serdes.String().serializer(), Serdes.ByteArray().serializer());
        raw.pipeInput("3", ("{\"version\":1,\"op\":\"c\",\"table\":\"session_revocations\",\"id\":3,\"after\":{\"id\":3,"
                + "\"expires_at\":\"2026-12-03T10:15:00Z\"},\"lsn\":9}").getBytes(StandardCharsets.UTF_8));

        assertThat(sunk).isEmpty();
        assertThat(deadLetters.readValue().reason()).contains("session_id");
    }
}
