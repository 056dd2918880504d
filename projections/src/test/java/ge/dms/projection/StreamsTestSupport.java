package ge.dms.projection;

import ge.dms.schemas.Topic;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import java.util.Properties;

/** TopologyTestDriver plumbing: topic names and serdes always come from the schemas' registry. */
public final class StreamsTestSupport {

    private StreamsTestSupport() {
    }

    public static Properties properties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        // A folder per driver: the default /tmp/kafka-streams/topology-test is shared by every build on the machine,
        // and two test JVMs closing their drivers there at once delete each other's stores.
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, java.nio.file.Files.createTempDirectory("topology-test-").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return props;
    }

    public static <K, V> TestInputTopic<K, V> input(TopologyTestDriver driver, Topic<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    public static <K, V> TestOutputTopic<K, V> output(TopologyTestDriver driver, Topic<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }
}
