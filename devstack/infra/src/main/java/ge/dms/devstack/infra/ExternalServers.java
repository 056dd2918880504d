package ge.dms.devstack.infra;

import java.util.Map;
import java.util.Optional;

/**
 * The external servers named by {@code DMS_*} environment variables; each one absent means
 * "start it embedded". Blank values count as absent.
 */
record ExternalServers(Optional<PostgresEndpoint> writeDatabase,
                       Optional<PostgresEndpoint> readDatabase,
                       Optional<String> kafkaBootstrap,
                       Optional<String> redisUrl) {

    static ExternalServers from(Map<String, String> environment) {
        Optional<PostgresEndpoint> write = value(environment, Endpoints.POSTGRES_URL).map(url -> new PostgresEndpoint(url,
                value(environment, Endpoints.POSTGRES_USER).orElse("postgres"),
                value(environment, Endpoints.POSTGRES_PASSWORD).orElse("")));
        Optional<PostgresEndpoint> read = value(environment, Endpoints.READ_POSTGRES_URL).map(url -> new PostgresEndpoint(url,
                value(environment, Endpoints.READ_POSTGRES_USER).or(() -> write.map(PostgresEndpoint::user)).orElse("postgres"),
                value(environment, Endpoints.READ_POSTGRES_PASSWORD).or(() -> write.map(PostgresEndpoint::password)).orElse("")));
        if (read.isPresent() && write.isEmpty()) {
            throw new IllegalArgumentException(Endpoints.READ_POSTGRES_URL + " is set but " + Endpoints.POSTGRES_URL
                    + " is not: point both at external servers, or neither");
        }
        Optional<String> redis = value(environment, Endpoints.REDIS_URL);
        redis.filter(url -> !url.startsWith("redis://") && !url.startsWith("rediss://")).ifPresent(url -> {
            throw new IllegalArgumentException(Endpoints.REDIS_URL + " must be a redis:// or rediss:// URL, was " + url);
        });
        return new ExternalServers(write, read, value(environment, Endpoints.KAFKA_BOOTSTRAP), redis);
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
