package ge.dms.projection.source;

import ge.dms.schemas.serde.IdKeySerde;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The change topics' id key serde, except that an unreadable key becomes {@link #BAD_KEY} instead
 * of failing the stream thread: the parser then sends the record to the dead-letter topic.
 */
final class LenientIdKeySerde implements Serde<Long>, Deserializer<Long> {

    /** Stands for "the key was not a decimal id"; never a real row id (ids are positive). */
    static final long BAD_KEY = Long.MIN_VALUE;

    private final IdKeySerde strict = new IdKeySerde();

    @Override
    public Long deserialize(String topic, byte[] data) {
        try {
            return strict.deserialize(topic, data);
        } catch (SerializationException e) {
            return BAD_KEY;
        }
    }

    @Override
    public Serializer<Long> serializer() {
        return strict;
    }

    @Override
    public Deserializer<Long> deserializer() {
        return this;
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
    }

    @Override
    public void close() {
    }
}
