package ge.dms.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;

/**
 * A {@code bigint} primary key as UTF-8 decimal text ({@code "42"}): readable in kcat and in
 * any language, and the same bytes (hence the same partition) for every producer.
 */
public final class IdKeySerde implements Serde<Long>, Serializer<Long>, Deserializer<Long> {

    @Override
    public byte[] serialize(String topic, Long id) {
        return id == null ? null : Long.toString(id).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public Long deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return Long.parseLong(new String(data, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw new SerializationException("key on topic " + topic + " is not a decimal id", e);
        }
    }

    @Override
    public Serializer<Long> serializer() {
        return this;
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
