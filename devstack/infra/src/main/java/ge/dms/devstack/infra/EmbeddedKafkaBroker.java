package ge.dms.devstack.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller, no ZooKeeper),
 * running in this JVM. It can be stopped and started again on the same ports and log
 * directory, which is how failure tests take Kafka away for a while.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int START_ATTEMPTS = 3;

    private final DataDirectory dataDirectory;
    private final Properties config;
    private final int brokerPort;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(DataDirectory dataDirectory, Properties config, int brokerPort) {
        this.dataDirectory = dataDirectory;
        this.config = config;
        this.brokerPort = brokerPort;
    }

    /** Formats the storage if it is new, then starts the broker. */
    public static EmbeddedKafkaBroker start(DataDirectory dataDirectory) {
        RuntimeException lastFailure = null;
        // A free port can still be taken by another process before the broker binds it;
        // fresh ports on the next attempt make that race harmless.
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOnFreshPorts(dataDirectory);
            } catch (RuntimeException e) {
                lastFailure = e;
                LOG.warn("Kafka broker start attempt {} of {} failed: {}", attempt, START_ATTEMPTS, e.getMessage());
            }
        }
        throw lastFailure;
    }

    private static EmbeddedKafkaBroker startOnFreshPorts(DataDirectory dataDirectory) {
        Path logDirectory = dataDirectory.path().resolve("kraft-logs");
        Path propertiesFile = dataDirectory.path().resolve("server.properties");
        int brokerPort = FreePorts.next();
        int controllerPort = FreePorts.next();
        Properties config = serverProperties(logDirectory, brokerPort, controllerPort);
        writeProperties(config, propertiesFile);
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            format(propertiesFile);
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDirectory, config, brokerPort);
        broker.startServer();
        return broker;
    }

    private static Properties serverProperties(Path logDirectory, int brokerPort, int controllerPort) {
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        config.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logDirectory.toString());
        // One broker: every internal topic has a single replica.
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "5");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        // Topics are created by the services with explicit settings, never by a stray consumer.
        config.put("auto.create.topics.enable", "false");
        // Consumer groups form at once instead of waiting 3 s for more members on a dev machine.
        config.put("group.initial.rebalance.delay.ms", "0");
        // The cleaner's default 128 MB on-heap dedupe buffer is most of an idle broker's heap.
        config.put("log.cleaner.dedupe.buffer.size", "4194304");
        config.put("num.partitions", "1");
        config.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return config;
    }

    private static void writeProperties(Properties config, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            config.store(out, "written by devstack; regenerated on every start");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void format(Path propertiesFile) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String clusterId = Uuid.randomUuid().toString();
        int exitCode;
        try (PrintStream printer = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(new String[] {
                    "format", "-t", clusterId, "-c", propertiesFile.toString(), "--ignore-formatted"}, printer);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("kafka storage format failed (" + exitCode + "): " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private void startServer() {
        KafkaRaftServer raftServer = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        try {
            raftServer.startup();
        } catch (RuntimeException e) {
            shutDownAfterFailedStart(raftServer, e);
            throw e;
        }
        server = raftServer;
        LOG.info("Kafka broker (KRaft) started on {}", bootstrapServers());
    }

    private static void shutDownAfterFailedStart(KafkaRaftServer raftServer, RuntimeException failure) {
        try {
            raftServer.shutdown();
            raftServer.awaitShutdown();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops the broker, keeping its ports and log directory for {@link #restart()}. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
            LOG.info("Kafka broker on {} stopped", bootstrapServers());
        }
    }

    /** Starts a stopped broker again on the same address with the data it had. */
    public synchronized void restart() {
        if (server == null) {
            startServer();
        }
    }

    @Override
    public synchronized void close() {
        try {
            stop();
        } finally {
            dataDirectory.discardIfTemporary();
        }
    }
}
