package ge.dms.devstack.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Connection settings for the whole infrastructure, the same shape whether the servers were
 * started here or are external. {@link #asEnvironment()} gives them as the {@code DMS_*}
 * variables every service reads.
 */
public record Endpoints(PostgresEndpoint writeDatabase,
                        PostgresEndpoint readDatabase,
                        String kafkaBootstrap,
                        String redisUrl) {

    public static final String POSTGRES_URL = "DMS_POSTGRES_URL";
    public static final String POSTGRES_USER = "DMS_POSTGRES_USER";
    public static final String POSTGRES_PASSWORD = "DMS_POSTGRES_PASSWORD";
    public static final String READ_POSTGRES_URL = "DMS_READ_POSTGRES_URL";
    public static final String READ_POSTGRES_USER = "DMS_READ_POSTGRES_USER";
    public static final String READ_POSTGRES_PASSWORD = "DMS_READ_POSTGRES_PASSWORD";
    public static final String KAFKA_BOOTSTRAP = "DMS_KAFKA_BOOTSTRAP";
    public static final String REDIS_URL = "DMS_REDIS_URL";

    /** The settings as environment variables, in a stable order. */
    public Map<String, String> asEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(POSTGRES_URL, writeDatabase.jdbcUrl());
        environment.put(POSTGRES_USER, writeDatabase.user());
        environment.put(POSTGRES_PASSWORD, writeDatabase.password());
        environment.put(READ_POSTGRES_URL, readDatabase.jdbcUrl());
        environment.put(READ_POSTGRES_USER, readDatabase.user());
        environment.put(READ_POSTGRES_PASSWORD, readDatabase.password());
        environment.put(KAFKA_BOOTSTRAP, kafkaBootstrap);
        environment.put(REDIS_URL, redisUrl);
        return environment;
    }
}
