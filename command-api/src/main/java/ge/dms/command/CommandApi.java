package ge.dms.command;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URL;
import java.util.Map;

/**
 * Plain-Java entry for launchers and tests: starts the command API with the given properties
 * (they win over application.yml and the environment) and returns a handle that stops it.
 *
 * <p>Keys a launcher typically passes: {@code DMS_POSTGRES_URL}, {@code DMS_POSTGRES_USER},
 * {@code DMS_POSTGRES_PASSWORD}, {@code DMS_JWT_SECRET}, {@code DMS_COMMAND_API_PORT} (use
 * {@code -1} for a random free port).
 */
public final class CommandApi implements AutoCloseable {

    private final EmbeddedServer server;

    private CommandApi(EmbeddedServer server) {
        this.server = server;
    }

    public static CommandApi start(Map<String, Object> properties) {
        return new CommandApi(ApplicationContext.run(EmbeddedServer.class, properties));
    }

    /** Base URL, e.g. {@code http://localhost:8081}. */
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
