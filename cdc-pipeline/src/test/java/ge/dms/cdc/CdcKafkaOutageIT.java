package ge.dms.cdc;

import ge.dms.devstack.infra.EmbeddedKafkaBroker;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.schemas.cdc.ChangeEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kafka goes away while changes are committed: offsets stop advancing, and after Kafka returns every change arrives. */
@WithDevStack
class CdcKafkaOutageIT {

    @Test
    void shouldLoseNothingWhileKafkaIsDown(TestNamespace ns, Infrastructure infra) throws Exception {
        EmbeddedKafkaBroker broker = infra.embeddedKafka().orElseThrow(() -> new IllegalStateException("needs the embedded broker"));
        // A short delivery timeout, so the outage exercises the publisher's own resend path, not just the producer's retries.
        try (CdcFixture db = CdcFixture.create(ns, Map.of("cdc.producer.delivery.timeout.ms", "3000", "cdc.retry.backoff.max.ms", "1000"));
             CdcPipeline pipeline = db.start(); ChangeCollector kafka = db.collector()) {
            ChangeWriter.insertRestaurants(db, 1, 200);
            await().atMost(Duration.ofSeconds(60)).until(() -> kafka.events("restaurants").size() >= 200);
            await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.slotState().lagBytes() == 0);

            try {
                broker.stop();
                ChangeWriter.insertRestaurants(db, 201, 500);
                // Offsets must not move past what Kafka has: the slot keeps the unpublished WAL.
                await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(5))
                        .until(() -> pipeline.slotState().lagBytes() > 0);
                assertThat(pipeline.stopped()).isNotDone();
            } finally {
                broker.restart();
            }

            await().atMost(Duration.ofSeconds(120)).until(() -> kafka.events("restaurants").stream().map(ChangeEvent::id).distinct().count() == 500);
            assertThat(kafka.events("restaurants")).allSatisfy(e -> assertThat(e.id()).isBetween(1L, 500L));
            kafka.events("restaurants").stream().collect(java.util.stream.Collectors.groupingBy(ChangeEvent::id)).values()
                    .forEach(copies -> assertThat(copies).extracting(ChangeEvent::lsn).containsOnly(copies.getFirst().lsn()));
            await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.health().up());
        }
    }
}
