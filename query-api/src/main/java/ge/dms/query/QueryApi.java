package ge.dms.query;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URL;
import java.util.Map;

/**
 * Plain-Java entry for launchers and tests: starts the query API with the given properties
 * (they win over application.yml and the environment) and returns a handle that stops it.
 *
 * <p>Keys a launcher typically passes: {@code DMS_REDIS_URL}, {@code DMS_REDIS_KEY_PREFIX},
 * {@code DMS_READ_POSTGRES_URL}, {@code DMS_READ_POSTGRES_USER}, {@code DMS_READ_POSTGRES_PASSWORD},
 * {@code DMS_JWT_SECRET}, {@code DMS_QUERY_API_PORT} (use {@code -1} for a random free port).
 */
public final class QueryApi implements AutoCloseable {

    private final EmbeddedServer server;

    private QueryApi(EmbeddedServer server) {
        this.server = server;
    }

    public static QueryApi start(Map<String, Object> properties) {
        return new QueryApi(ApplicationContext.run(EmbeddedServer.class, properties));
    }

    /** Base URL, e.g. {@code http://localhost:8082}. */
    public URL url() {
        return server.getURL();
    }

    public int port() {
        return server.getPort();
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
