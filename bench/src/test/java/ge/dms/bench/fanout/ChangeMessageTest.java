package ge.dms.bench.fanout;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeMessageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldReadEveryStampOfATracedUpsert() throws Exception {
        // As query-api writes it: the trace before the view, sentMs appended last.
        String text = """
                {"type":"change","cursor":"1700000000010-3","orderId":42,"version":5,"change":"upsert","status":"ready",
                 "commitMs":1700000000000,"trace":{"cdcMs":1700000000002,"streamsMs":1700000000005,"emitMs":1700000000009},
                 "order":{"orderId":42,"version":5,"driver":{"id":7,"name":"ნინო #3","phone":"+995 591 00 00 07","vehicle":"Ford Transit"},
                          "sourceCommitTime":"2023-11-14T22:13:20.000250Z"},
                 "sentMs":1700000000014}""";
        Arrival a = ChangeMessage.parse(JSON.readTree(text), 7, 123, 1_700_000_000_015_000L);

        assertThat(a.orderId()).isEqualTo(42);
        assertThat(a.version()).isEqualTo(5);
        assertThat(a.unassigned()).isFalse();
        assertThat(a.driverName()).isEqualTo("ნინო #3");
        assertThat(a.commitMicros()).as("the view's µs commit, not commitMs").isEqualTo(1_700_000_000_000_250L);
        assertThat(a.redisMillis()).isEqualTo(1_700_000_000_010L);
        assertThat(a.trace()).isEqualTo(new Arrival.Trace(1_700_000_000_002L, 1_700_000_000_005L, 1_700_000_000_009L));
        assertThat(a.sentMillis()).isEqualTo(1_700_000_000_014L);

        long[] hops = Hops.traced(a);
        assertThat(hops).containsExactly(1_750_000, 3_000_000, 4_000_000, 1_000_000, 4_000_000, 1_000_000);
    }

    @Test
    void shouldReadAnUnassignedMessageWithNoViewFromItsCommitMs() throws Exception {
        String text = """
                {"type":"change","cursor":"1700000000010-0","orderId":42,"version":4,"change":"unassigned","commitMs":1700000000000,
                 "sentMs":1700000000012}""";
        Arrival a = ChangeMessage.parse(JSON.readTree(text), 7, 123, 1_700_000_000_013_000L);

        assertThat(a.unassigned()).isTrue();
        assertThat(a.driverName()).isNull();
        assertThat(a.commitMicros()).isEqualTo(1_700_000_000_000_000L);
        assertThat(a.trace()).isNull();
        assertThat(Hops.traced(a)).containsExactly(Hops.ABSENT, Hops.ABSENT, Hops.ABSENT, Hops.ABSENT, 2_000_000, 1_000_000);
    }

    @Test
    void shouldSkipTheTracedHopsOfAMessageWithoutStampsOrWithAPartialTrace() throws Exception {
        String old = """
                {"type":"change","cursor":"1700000000010-0","orderId":42,"version":4,"change":"upsert","commitMs":1700000000000}""";
        String partial = """
                {"type":"change","cursor":"x","orderId":42,"version":4,"trace":{"cdcMs":1700000000002,"streamsMs":"soon"},"sentMs":"later"}""";

        Arrival before = ChangeMessage.parse(JSON.readTree(old), 7, 1, 1);
        Arrival broken = ChangeMessage.parse(JSON.readTree(partial), 7, 1, 1);

        assertThat(Hops.traced(before)).containsOnly(Hops.ABSENT);
        assertThat(broken.trace()).isNull();
        assertThat(broken.sentMillis()).isZero();
        assertThat(broken.redisMillis()).as("a cursor that is no stream id").isZero();
        assertThat(Hops.traced(broken)).containsOnly(Hops.ABSENT);
    }
}
