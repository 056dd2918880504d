package ge.dms.cdc;

import ge.dms.schemas.CdcTopics;

import java.net.URI;
import java.util.Properties;
import java.util.stream.Collectors;

/** Debezium embedded engine and postgres connector settings derived from a {@link CdcConfig}. */
final class EngineProperties {

    static final String UNAVAILABLE_VALUE_PLACEHOLDER = "__debezium_unavailable_value";

    private EngineProperties() {
    }

    static Properties of(CdcConfig config) {
        URI uri = URI.create(config.connection().jdbcUrl().substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        Properties p = new Properties();
        p.put("name", config.source().name());
        p.put("connector.class", "io.debezium.connector.postgresql.PostgresConnector");

        // Offsets live in a compacted Kafka topic, written only for records the publisher marked processed (acked).
        p.put("offset.storage", "org.apache.kafka.connect.storage.KafkaOffsetBackingStore");
        p.put("offset.storage.topic", config.offsetTopicName());
        p.put("offset.storage.partitions", "1");
        p.put("offset.storage.replication.factor", Short.toString(config.topics().replicationFactor()));
        p.put("bootstrap.servers", config.connection().kafkaBootstrap());
        p.put("offset.flush.interval.ms", Long.toString(config.engine().offsetFlushIntervalMs()));
        p.put("offset.flush.timeout.ms", "5000");
        // For the offset store's own producer (Connect's KafkaOffsetBackingStore takes top-level client settings):
        // each flush blocks the poll loop until the offset is written, and Kafka's 5 ms default linger is pure wait there.
        p.put("linger.ms", "0");

        p.put("database.hostname", uri.getHost());
        p.put("database.port", Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort()));
        p.put("database.user", config.connection().user());
        p.put("database.password", config.connection().password());
        p.put("database.dbname", database);
        p.put("topic.prefix", config.source().name());
        p.put("plugin.name", "pgoutput");
        p.put("slot.name", config.source().slotName());
        p.put("publication.name", config.source().publicationName());
        // The migrations own the publication; a missing one is an error to fix, never something to invent here.
        p.put("publication.autocreate.mode", "disabled");
        p.put("table.include.list", CdcTopics.CAPTURED_TABLES.stream().map(t -> "public." + t).collect(Collectors.joining(",")));
        p.put("snapshot.mode", config.source().snapshotMode());
        p.put("provide.transaction.metadata", "true");
        // numeric(12,2) as "125.50": exact, and readable in any language.
        p.put("decimal.handling.mode", "string");
        p.put("tombstones.on.delete", "false");
        p.put("unavailable.value.placeholder", UNAVAILABLE_VALUE_PLACEHOLDER);

        p.put("poll.interval.ms", Long.toString(config.engine().pollIntervalMs()));
        p.put("max.batch.size", Integer.toString(config.engine().maxBatchSize()));
        p.put("max.queue.size", Integer.toString(config.engine().maxQueueSize()));
        p.put("heartbeat.interval.ms", Long.toString(config.engine().heartbeatIntervalMs()));
        // A WAL record in this database on every heartbeat, so the slot advances even when captured tables are quiet.
        p.put("heartbeat.action.query", "SELECT pg_logical_emit_message(false, 'dms-cdc-heartbeat', now()::text)");
        p.put("status.update.interval.ms", Long.toString(config.engine().statusUpdateIntervalMs()));

        // Retriable failures (PostgreSQL restart, connection reset) restart the connector, forever; permanent ones stop it.
        p.put("errors.max.retries", "-1");
        p.put("retriable.restart.connector.wait.ms", Long.toString(config.engine().retriableRestartWaitMs()));
        // Starting the replication stream is retried every 500 ms for a minute (default: every 10 s, six times): after a
        // PostgreSQL restart the first try often fails, and its 10 s wait held every change back (bench faults, restart:postgres).
        p.put("slot.retry.delay.ms", "500");
        p.put("slot.max.retries", "120");
        return p;
    }
}
