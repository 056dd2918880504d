package ge.dms.projection.source;

import ge.dms.schemas.Topic;
import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.event.ProjectionDeadLetter;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import java.util.function.Function;

/**
 * Reads one change topic as raw bytes and parses it into typed rows. A record whose key, JSON or
 * columns are unusable goes to the dead-letter topic with the reason; the others flow on.
 * Parsing here (not in the consumer's deserializer) is what lets processing continue.
 */
public final class SourceStreams {

    private SourceStreams() {
    }

    /**
     * @param name       prefix of every processor name created here (names must stay stable)
     * @param deadLetter where rejected records go; null when another projection reading the same
     *                   topic already parks them (one dead letter per bad record, not one per reader)
     */
    public static <R> KStream<Long, R> parsed(StreamsBuilder builder, Topic<Long, ChangeEvent> topic, String name,
                                              Function<ChangeEvent, R> parser,
                                              Topic<String, ProjectionDeadLetter> deadLetter) {
        KStream<Long, Parsed<R>> all = builder
                .stream(topic.name(), Consumed.with(new LenientIdKeySerde(), Serdes.ByteArray()).withName(name + "-source"))
                .processValues(() -> new ParsingProcessor<>(topic, parser), Named.as(name + "-parse"));
        if (deadLetter != null) {
            all.filter((key, parsed) -> parsed.rejected() != null, Named.as(name + "-rejected"))
                .map((key, parsed) -> KeyValue.pair(parsed.rejected().sourceTopic(), parsed.rejected()),
                        Named.as(name + "-to-dead-letter"))
                .to(deadLetter.name(), Produced.with(deadLetter.keySerde(), deadLetter.valueSerde())
                        .withName(name + "-dead-letter-sink"));
        }
        return all.filter((key, parsed) -> parsed.row() != null, Named.as(name + "-accepted"))
                .mapValues(Parsed::row, Named.as(name + "-rows"));
    }

    /** The outcome of parsing one record: exactly one of the two is set (both null: a tombstone, skipped). */
    record Parsed<R>(R row, ProjectionDeadLetter rejected) {
    }
}
