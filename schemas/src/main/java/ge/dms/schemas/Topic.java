package ge.dms.schemas;

import org.apache.kafka.common.serialization.Serde;

import java.util.Objects;

/**
 * One Kafka topic as a contract: its name and the serdes of its key and value.
 *
 * @param name       the full topic name
 * @param keySerde   how the record key is written
 * @param valueSerde how the record value is written
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    /** The same topic with {@code prefix} in front of its name (tests isolate themselves this way). */
    public Topic<K, V> withPrefix(String prefix) {
        return prefix == null || prefix.isEmpty() ? this : new Topic<>(prefix + name, keySerde, valueSerde);
    }
}
