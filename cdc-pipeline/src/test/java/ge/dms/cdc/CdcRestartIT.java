package ge.dms.cdc;

import ge.dms.cdc.startup.KafkaTopics;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.cdc.Op;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 1,000 changes, the pipeline stopped mid-stream (gracefully, or its process killed with
 * SIGKILL), 1,000 more while it is down, then started again: all 2,000 arrive, and a change
 * that arrives twice carries the same LSN both times.
 */
@WithDevStack
class CdcRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(CdcRestartIT.class);
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void shouldDeliverEveryChangeAfterAGracefulStopMidStream(TestNamespace ns) throws Exception {
        try (CdcFixture db = CdcFixture.create(ns)) {
            KafkaTopics.ensure(db.config);
            try (ChangeCollector kafka = db.collector()) {
                CdcPipeline first = db.start();
                runFirstHalfThenStop(db, kafka, first::close);
                assertAllArriveAfterRestart(db, kafka);
            }
        }
    }

    @Test
    void shouldDeliverEveryChangeAfterTheProcessWasKilledMidStream(TestNamespace ns) throws Exception {
        try (CdcFixture db = CdcFixture.create(ns)) {
            KafkaTopics.ensure(db.config);
            try (ChangeCollector kafka = db.collector()) {
                Process child = startInChildJvm(db, ns);
                try {
                    db.awaitSlot();
                    await().atMost(WAIT).until(() -> db.slotExists(true));
                    runFirstHalfThenStop(db, kafka, () -> {
                        child.destroyForcibly(); // SIGKILL: no shutdown hook, no offset flush, no producer flush
                        waitFor(child);
                    });
                } finally {
                    child.destroyForcibly();
                }
                assertAllArriveAfterRestart(db, kafka);
            }
        }
    }

    private static void runFirstHalfThenStop(CdcFixture db, ChangeCollector kafka, Runnable stop) {
        CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> ChangeWriter.insertRestaurants(db, 1, 1000));
        await().atMost(WAIT).until(() -> kafka.events("restaurants").size() >= 200);
        int seenAtStop = kafka.events("restaurants").size();
        stop.run();
        writes.join();
        LOG.info("pipeline stopped with {} of 1000 changes published, {} written", seenAtStop, 1000);
        ChangeWriter.insertRestaurants(db, 1001, 2000);
    }

    private static void assertAllArriveAfterRestart(CdcFixture db, ChangeCollector kafka) {
        try (CdcPipeline second = CdcPipeline.start(db.config)) {
            await().atMost(WAIT).until(() -> kafka.events("restaurants").stream().map(ChangeEvent::id).distinct().count() == 2000);
            assertThat(second.stopped()).isNotDone();
        }
        List<ChangeEvent> events = kafka.events("restaurants");
        Map<Long, List<ChangeEvent>> byId = events.stream().collect(Collectors.groupingBy(ChangeEvent::id));
        List<Long> duplicated = new ArrayList<>();
        byId.forEach((id, copies) -> {
            if (copies.size() > 1) {
                duplicated.add(id);
                assertThat(copies).as("copies of restaurant " + id).extracting(ChangeEvent::lsn).containsOnly(copies.getFirst().lsn());
                assertThat(copies).as("copies of restaurant " + id).containsOnly(copies.getFirst());
            }
        });
        LOG.info("{} events for 2000 changes, {} changes published twice", events.size(), duplicated.size());
        assertThat(byId.keySet()).hasSize(2000).allMatch(id -> id >= 1 && id <= 2000);
        assertThat(events).as("streamed, never re-snapshotted").extracting(ChangeEvent::op).containsOnly(Op.CREATE);
    }

    private static Process startInChildJvm(CdcFixture db, TestNamespace ns) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        db.config.asKeys().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CdcPipeline.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DMS_POSTGRES_URL", db.config.connection().jdbcUrl());
        builder.environment().put("DMS_POSTGRES_USER", db.config.connection().user());
        builder.environment().put("DMS_POSTGRES_PASSWORD", db.config.connection().password());
        builder.environment().put("DMS_KAFKA_BOOTSTRAP", db.config.connection().kafkaBootstrap());
        File log = Path.of("target", "cdc-child-" + ns.id() + ".log").toFile();
        builder.redirectErrorStream(true).redirectOutput(log);
        LOG.info("pipeline runs in a child JVM, log in {}", log);
        return builder.start();
    }

    private static void waitFor(Process process) {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
