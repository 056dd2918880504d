package ge.dms.projection;

import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.schemas.ProjectionTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The views and events topics get as many partitions as the change topics, so their consumers scale as far. */
@WithDevStack
class TopicBootstrapIT {

    @Test
    void shouldMatchTheCdcOrdersTopicUnlessACountIsSet(Infrastructure infra, TestNamespace ns) throws Exception {
        String bootstrap = infra.endpoints().kafkaBootstrap();
        ProjectionTopics topics = ProjectionTopics.withPrefix(ns.topicPrefix());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topics.cdc().orders().name(), 5, (short) 1))).all().get();

            int matched = TopicBootstrap.ensure(bootstrap, List.of(topics.orderViews().name()), Set.of(),
                    ProjectionsConfig.MATCH_CDC_PARTITIONS, (short) 1, topics.cdc().orders().name());
            int pinned = TopicBootstrap.ensure(bootstrap, List.of(topics.orderEvents().name()), Set.of(), 2, (short) 1,
                    topics.cdc().orders().name());

            assertThat(matched).isEqualTo(5);
            assertThat(pinned).isEqualTo(2);
            // A topic just created may not be in every broker's metadata yet: describe it until it is.
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
                var described = admin.describeTopics(List.of(topics.orderViews().name(), topics.orderEvents().name()))
                        .allTopicNames().get();
                assertThat(described.get(topics.orderViews().name()).partitions()).hasSize(5);
                assertThat(described.get(topics.orderEvents().name()).partitions()).hasSize(2);
            });
        }
    }

    @Test
    void shouldTakeCdcPipelinesDefaultWhenNoChangeTopicExistsYet(Infrastructure infra, TestNamespace ns) throws Exception {
        String bootstrap = infra.endpoints().kafkaBootstrap();
        ProjectionTopics topics = ProjectionTopics.withPrefix(ns.topicPrefix());

        int wanted = TopicBootstrap.ensure(bootstrap, topics.cdc().allNames(), Set.of(), ProjectionsConfig.MATCH_CDC_PARTITIONS,
                (short) 1, topics.cdc().orders().name());

        assertThat(wanted).isEqualTo(TopicBootstrap.CDC_DEFAULT_PARTITIONS);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    assertThat(admin.describeTopics(List.of(topics.cdc().orderItems().name())).allTopicNames().get()
                            .get(topics.cdc().orderItems().name()).partitions()).hasSize(3));
        }
    }
}
