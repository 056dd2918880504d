package ge.dms.cdc.publish;

import ge.dms.cdc.convert.ChangeEventConverter;
import ge.dms.cdc.convert.DebeziumRecords;
import ge.dms.cdc.errors.PermanentCdcException;
import ge.dms.schemas.Topics;
import ge.dms.schemas.trace.Correlation;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The publisher's contract with the engine: nothing is marked processed before Kafka acknowledged it. */
class ChangePublisherTest {

    /** Kafka's MockProducer that fails the first sends with a chosen error. */
    private static final class FailingProducer extends MockProducer<byte[], byte[]> {
        private int failuresLeft;
        private final RuntimeException failure;
        final List<String> attempts = new ArrayList<>();

        FailingProducer(int failures, RuntimeException failure) {
            super(true, null, new ByteArraySerializer(), new ByteArraySerializer());
            this.failuresLeft = failures;
            this.failure = failure;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
            attempts.add(record.topic());
            if (failuresLeft > 0) {
                failuresLeft--;
                return CompletableFuture.failedFuture(failure);
            }
            return super.send(record);
        }
    }

    private static final class Committer implements DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> {
        final List<RecordChangeEvent<SourceRecord>> processed = new ArrayList<>();
        int batchesFinished;

        @Override
        public void markProcessed(RecordChangeEvent<SourceRecord> record) {
            processed.add(record);
        }

        @Override
        public void markBatchFinished() {
            batchesFinished++;
        }

        @Override
        public void markProcessed(RecordChangeEvent<SourceRecord> record, DebeziumEngine.Offsets offsets) {
            processed.add(record);
        }

        @Override
        public DebeziumEngine.Offsets buildOffsets() {
            return null;
        }
    }

    private static ChangePublisher publisher(MockProducer<byte[], byte[]> producer) {
        return new ChangePublisher(Topics.withPrefix("t."), producer,
                new ChangeEventConverter("__debezium_unavailable_value", Clock.systemUTC()),
                new CdcMetrics(new SimpleMeterRegistry(), Clock.systemUTC()), AckListener.NONE, 10, Clock.systemUTC());
    }

    private static List<RecordChangeEvent<SourceRecord>> batch() {
        SourceRecord a = DebeziumRecords.change("c", null, DebeziumRecords.row(1, "pending", null), 10, 5, 1);
        SourceRecord b = DebeziumRecords.change("u", DebeziumRecords.row(1, "pending", null), DebeziumRecords.row(1, "confirmed", null), 11, 5, 2);
        SourceRecord heartbeat = DebeziumRecords.heartbeat();
        return List.of(() -> a, () -> b, () -> heartbeat);
    }

    @Test
    void shouldSendAgainAfterARetriableFailureAndOnlyThenMarkTheBatchProcessed() throws Exception {
        FailingProducer producer = new FailingProducer(1, new TimeoutException("broker gone"));
        Committer committer = new Committer();

        publisher(producer).handleBatch(batch(), committer);

        // Both sent, the first failed: from the first failure on, everything is sent again in order.
        // The second record reaches Kafka twice, with the same LSN both times.
        assertThat(producer.attempts).hasSize(4);
        assertThat(producer.history()).extracting(r -> lsn(r)).containsExactly(11L, 10L, 11L);
        assertThat(producer.history()).extracting(r -> new String(r.key())).containsOnly("1");
        assertThat(committer.processed).hasSize(3);
        assertThat(committer.batchesFinished).isEqualTo(1);
    }

    @Test
    void shouldPutTheRequestIdOfTheRowIntoAHeaderOfItsRecord() throws Exception {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        SourceRecord byRequest = DebeziumRecords.change("u", DebeziumRecords.row(1, "pending", null),
                DebeziumRecords.row(1, "confirmed", null, "abc-123"), 11, 5, 1);
        SourceRecord withoutOne = DebeziumRecords.change("u", DebeziumRecords.row(1, "confirmed", null),
                DebeziumRecords.row(1, "ready", null), 12, 6, 1);

        publisher(producer).handleBatch(List.of(() -> byRequest, () -> withoutOne), new Committer());

        Header header = producer.history().get(0).headers().lastHeader(Correlation.KAFKA_HEADER);
        assertThat(header).isNotNull();
        assertThat(new String(header.value(), StandardCharsets.UTF_8)).isEqualTo("abc-123");
        assertThat(producer.history().get(1).headers().lastHeader(Correlation.KAFKA_HEADER)).as("a row written outside a request").isNull();
    }

    private static long lsn(ProducerRecord<byte[], byte[]> record) {
        return Topics.ORDERS.valueSerde().deserializer().deserialize(record.topic(), record.value()).lsn();
    }

    @Test
    void shouldStopOnAPermanentFailureWithoutMarkingAnything() {
        FailingProducer producer = new FailingProducer(1, new RecordTooLargeException("too big"));
        Committer committer = new Committer();

        assertThatThrownBy(() -> publisher(producer).handleBatch(batch(), committer))
                .isInstanceOf(PermanentCdcException.class)
                .hasMessageContaining("t.dms.cdc.orders").hasMessageContaining("offsets were not advanced");
        assertThat(committer.processed).isEmpty();
    }
}
