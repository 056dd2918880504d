package ge.dms.devstack.test;

import ge.dms.devstack.infra.EmbeddedPostgresServer;
import ge.dms.devstack.infra.Endpoints;
import ge.dms.devstack.infra.PostgresEndpoint;

import java.util.UUID;

/**
 * Names that belong to one test alone on the shared servers: its own databases (created on
 * first use), topic prefix, Kafka Streams application id and Redis key prefix.
 */
public final class TestNamespace {

    private final String id;
    private final Endpoints endpoints;
    private PostgresEndpoint writeDatabase;
    private PostgresEndpoint readDatabase;

    TestNamespace(Endpoints endpoints) {
        this.id = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        this.endpoints = endpoints;
    }

    /** Short, unique, lower-case; safe in database, topic and key names. */
    public String id() {
        return id;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** A write-side database of this test's own, on the write-side server. */
    public synchronized PostgresEndpoint writeDatabase() {
        if (writeDatabase == null) {
            writeDatabase = EmbeddedPostgresServer.createDatabaseIfMissing(
                    endpoints.writeDatabase().withDatabase("postgres"), id + "_write");
        }
        return writeDatabase;
    }

    /** A read-side database of this test's own, on the read-side server. */
    public synchronized PostgresEndpoint readDatabase() {
        if (readDatabase == null) {
            readDatabase = EmbeddedPostgresServer.createDatabaseIfMissing(
                    endpoints.readDatabase().withDatabase("postgres"), id + "_read");
        }
        return readDatabase;
    }

    /** Prefix for every topic this test creates, e.g. {@code t1a2b3c4d5e6.}. */
    public String topicPrefix() {
        return id + ".";
    }

    public String topic(String name) {
        return topicPrefix() + name;
    }

    /** A Kafka Streams application id or consumer group id of this test's own. */
    public String applicationId(String name) {
        return id + "-" + name;
    }

    /** Prefix for every Redis key this test writes, e.g. {@code t1a2b3c4d5e6:}. */
    public String redisKeyPrefix() {
        return id + ":";
    }

    @Override
    public String toString() {
        return "TestNamespace[" + id + "]";
    }
}
