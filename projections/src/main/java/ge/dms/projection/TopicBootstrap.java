package ge.dms.projection;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/** Creates missing topics (the broker does not auto-create them); existing ones are left alone. */
public final class TopicBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(TopicBootstrap.class);
    /**
     * cdc-pipeline's default {@code cdc.topic.partitions}: the count when the partitions are to match the change
     * topics and none exists yet (the projections then create the change topics too, as tests do).
     */
    static final int CDC_DEFAULT_PARTITIONS = 3;

    private TopicBootstrap() {
    }

    /**
     * Creates the missing topics of {@code names} and says which existing ones differ from the wanted count.
     *
     * @param compacted    names that keep only the latest record per key (views)
     * @param partitions   partitions of the topics created, or {@link ProjectionsConfig#MATCH_CDC_PARTITIONS} for
     *                     as many as {@code partitionsOf} has
     * @param partitionsOf the topic whose partition count is matched (the CDC orders topic)
     * @return the partition count wanted
     */
    public static int ensure(String bootstrap, Collection<String> names, Set<String> compacted, int partitions,
                             short replicationFactor, String partitionsOf) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            int wanted = partitions != ProjectionsConfig.MATCH_CDC_PARTITIONS ? partitions
                    : existing.contains(partitionsOf)
                    ? admin.describeTopics(List.of(partitionsOf)).allTopicNames().get().get(partitionsOf).partitions().size()
                    : CDC_DEFAULT_PARTITIONS;
            List<NewTopic> missing = new ArrayList<>();
            List<String> present = new ArrayList<>();
            for (String name : names) {
                if (existing.contains(name)) {
                    present.add(name);
                } else {
                    NewTopic topic = new NewTopic(name, wanted, replicationFactor);
                    if (compacted.contains(name)) {
                        topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                    }
                    missing.add(topic);
                }
            }
            warnAboutOtherCounts(admin, present, wanted);
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get();
                    LOG.info("Created topic {} ({} partitions)", entry.getKey(), wanted);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
            return wanted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics on " + bootstrap, e.getCause());
        }
    }

    /**
     * Topics made before the count was a setting keep theirs (Kafka cannot shrink a topic, and growing one moves
     * orders to other partitions): their consumers scale to that many instances only, which an operator should know.
     */
    private static void warnAboutOtherCounts(Admin admin, List<String> present, int wanted)
            throws InterruptedException, ExecutionException {
        if (present.isEmpty()) {
            return;
        }
        for (TopicDescription topic : admin.describeTopics(present).allTopicNames().get().values()) {
            if (topic.partitions().size() != wanted) {
                LOG.warn("Topic {} has {} partitions, not {}: its consumers run on at most {} instances; to change it,"
                        + " recreate the topic and rebuild the views (projections README, \"Partitions\")",
                        topic.name(), topic.partitions().size(), wanted, topic.partitions().size());
            }
        }
    }
}
