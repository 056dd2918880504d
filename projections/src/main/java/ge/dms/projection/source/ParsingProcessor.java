package ge.dms.projection.source;

import ge.dms.schemas.Topic;
import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.event.ProjectionDeadLetter;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;

/** Parses raw change records; keeps the key, so no repartition follows. */
final class ParsingProcessor<R> implements FixedKeyProcessor<Long, byte[], SourceStreams.Parsed<R>> {

    private static final Logger LOG = LoggerFactory.getLogger(ParsingProcessor.class);
    private static final int MAX_PAYLOAD_CHARS = 10_000;

    private final Topic<Long, ChangeEvent> topic;
    private final Function<ChangeEvent, R> parser;
    private FixedKeyProcessorContext<Long, SourceStreams.Parsed<R>> context;

    ParsingProcessor(Topic<Long, ChangeEvent> topic, Function<ChangeEvent, R> parser) {
        this.topic = topic;
        this.parser = parser;
    }

    @Override
    public void init(FixedKeyProcessorContext<Long, SourceStreams.Parsed<R>> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<Long, byte[]> record) {
        InputClock.mark();
        if (record.value() == null) {
            return; // a tombstone after a delete: the delete event itself carried the change
        }
        try {
            if (record.key() == null || record.key() == LenientIdKeySerde.BAD_KEY) {
                throw new MalformedRecordException("key is not a decimal row id");
            }
            ChangeEvent event = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
            if (event.id() != record.key()) {
                throw new MalformedRecordException("key " + record.key() + " differs from the event's id " + event.id());
            }
            context.forward(record.withValue(new SourceStreams.Parsed<>(parser.apply(event), null)));
        } catch (RuntimeException e) {
            context.forward(record.withValue(new SourceStreams.Parsed<>(null, deadLetter(record, e))));
        }
    }

    private ProjectionDeadLetter deadLetter(FixedKeyRecord<Long, byte[]> record, RuntimeException e) {
        RecordMetadata meta = context.recordMetadata().orElse(null);
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage()
                + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : "");
        String payload = new String(record.value(), StandardCharsets.UTF_8);
        if (payload.length() > MAX_PAYLOAD_CHARS) {
            payload = payload.substring(0, MAX_PAYLOAD_CHARS);
        }
        String sourceTopic = meta != null ? meta.topic() : topic.name();
        int partition = meta != null ? meta.partition() : -1;
        long offset = meta != null ? meta.offset() : -1;
        LOG.warn("Rejecting record from {}-{}@{}: {}", sourceTopic, partition, offset, reason);
        String key = record.key() == null || record.key() == LenientIdKeySerde.BAD_KEY ? null : record.key().toString();
        return new ProjectionDeadLetter(ProjectionDeadLetter.SCHEMA_VERSION, sourceTopic, partition, offset, key,
                reason, payload, Instant.now());
    }
}
