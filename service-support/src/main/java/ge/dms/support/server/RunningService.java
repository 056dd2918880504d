package ge.dms.support.server;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URL;
import java.util.Map;

/**
 * A Micronaut HTTP service started in-process for launchers and tests: the given properties win over application.yml
 * and the environment (a port of {@code -1} picks a free one); {@link #close()} stops it. Each service's own entry
 * ({@code CommandApi}, {@code QueryApi}) names the keys it is typically given.
 */
public abstract class RunningService implements AutoCloseable {

    private final EmbeddedServer server;

    protected RunningService(Map<String, Object> properties) {
        this.server = ApplicationContext.run(EmbeddedServer.class, properties);
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
