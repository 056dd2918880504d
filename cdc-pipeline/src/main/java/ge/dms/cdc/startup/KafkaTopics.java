package ge.dms.cdc.startup;

import ge.dms.cdc.CdcConfig;
import ge.dms.schemas.CdcTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the pipeline's topics with explicit settings (never auto-created), and reads the
 * offsets topic to learn whether this pipeline has streamed before.
 */
public final class KafkaTopics {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopics.class);
    private static final long DEAD_LETTER_RETENTION_MS = 30L * 86_400_000L;

    private KafkaTopics() {
    }

    /** Creates what is missing; existing topics are left as they are. */
    public static void ensure(CdcConfig config) {
        CdcTopics topics = ge.dms.schemas.Topics.withPrefix(config.topics().prefix());
        Optional<Short> replication = config.topics().replicationFactor() < 0 ? Optional.empty() : Optional.of(config.topics().replicationFactor());
        Optional<Integer> partitions = Optional.of(config.topics().partitions());
        List<NewTopic> wanted = new ArrayList<>();
        // Change topics: compacted, so a new projection can rebuild from them; the lag keeps recent history whole.
        topics.changeTopics().forEach(t -> wanted.add(new NewTopic(t.name(), partitions, replication).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, Long.toString(config.topics().minCompactionLagMs())))));
        wanted.add(new NewTopic(topics.transactions().name(), partitions, replication).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(config.topics().transactionsRetentionMs()))));
        wanted.add(new NewTopic(topics.deadLetter().name(), Optional.of(1), replication).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(DEAD_LETTER_RETENTION_MS))));
        // Kafka Connect's offset store requires one compacted topic; one partition keeps offsets in order.
        wanted.add(new NewTopic(config.offsetTopicName(), Optional.of(1), replication).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        try (Admin admin = Admin.create(adminProperties(config))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                LOG.info("created topics {}", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create the CDC topics on " + config.connection().kafkaBootstrap() + ": " + e.getCause(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + config.connection().kafkaBootstrap() + " did not answer within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /** Whether the offsets topic holds a (non-deleted) offset written by the engine named {@code config.source().name()}. */
    public static boolean offsetsExist(CdcConfig config) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.connection().kafkaBootstrap());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, config.source().name() + "-offset-check");
        String marker = "\"server\":\"" + config.source().name() + "\"";
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitionInfos = consumer.partitionsFor(config.offsetTopicName(), Duration.ofSeconds(30));
            if (partitionInfos == null || partitionInfos.isEmpty()) {
                return false;
            }
            List<TopicPartition> partitions = partitionInfos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            boolean found = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read offsets topic " + config.offsetTopicName() + " within 30 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && new String(record.key(), StandardCharsets.UTF_8).contains(marker)) {
                        found = record.value() != null;
                    }
                }
            }
            return found;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException("Kafka at " + config.connection().kafkaBootstrap() + " did not answer within 30 s", e);
        }
    }

    private static Properties adminProperties(CdcConfig config) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.connection().kafkaBootstrap());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, config.source().name() + "-admin");
        return properties;
    }
}
