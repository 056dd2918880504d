package ge.dms.devstack.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real {@code redis-server} process: the binary shipped inside the embedded-redis artifact,
 * or, where that one cannot run (it needs OpenSSL 3), the {@code redis-server} on the PATH.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedisServer.class);
    private static final int TEXT_FILE_BUSY_ATTEMPTS = 5;

    private final RedisServer server;
    private final int port;
    private final DataDirectory dataDirectory;

    private EmbeddedRedisServer(RedisServer server, int port, DataDirectory dataDirectory) {
        this.server = server;
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    public static EmbeddedRedisServer start(DataDirectory dataDirectory) {
        try {
            return startBundled(dataDirectory);
        } catch (RuntimeException bundledFailed) {
            LOG.warn("the bundled redis-server did not start ({}); trying redis-server on the PATH", bundledFailed.getMessage());
            try {
                return start(dataDirectory, ExecutableProvider.newExecutableInPath("redis-server"), "PATH");
            } catch (IOException | RuntimeException pathFailed) {
                pathFailed.addSuppressed(bundledFailed);
                throw new IllegalStateException(
                        "Redis did not start: the bundled binary failed and there is no working redis-server on the PATH "
                                + "(install OpenSSL 3, or Redis 6.2+, e.g. apt-get install redis-server)", pathFailed);
            }
        }
    }

    /**
     * The bundled binary is written to a new file and executed at once; if any thread of this JVM
     * forks a process in between, the child holds the file open for writing and exec fails with
     * ETXTBSY ("Text file busy"). That race is transient: a few attempts get past it.
     */
    private static EmbeddedRedisServer startBundled(DataDirectory dataDirectory) {
        for (int attempt = 1; ; attempt++) {
            try {
                return start(dataDirectory, ExecutableProvider.newJarResourceProvider(), "bundled");
            } catch (RuntimeException e) {
                if (attempt >= TEXT_FILE_BUSY_ATTEMPTS || !textFileBusy(e)) {
                    throw e;
                }
                LOG.info("redis-server was busy being written while it was started (attempt {}); trying again", attempt);
            }
        }
    }

    private static boolean textFileBusy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Text file busy")) {
                return true;
            }
        }
        return false;
    }

    private static EmbeddedRedisServer start(DataDirectory dataDirectory, ExecutableProvider executable, String source) {
        int port = FreePorts.next();
        Path directory = dataDirectory.path();
        try {
            Files.createDirectories(directory);
            RedisServer server = RedisServer.newRedisServer()
                    .executableProvider(executable)
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("dir " + directory)
                    // The append-only file makes a kept --data directory survive restarts; everysec
                    // bounds the loss to one second without putting an fsync on every write.
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .setting("save \"\"")
                    .setting("protected-mode yes")
                    // No logfile: embedded-redis waits for "Ready to accept connections" on stdout.
                    .onShutdownForceStop(true)
                    .build();
            server.start();
            LOG.info("Redis ({} binary) started on port {}", source, port);
            return new EmbeddedRedisServer(server, port, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server (" + source + ") did not start", e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            LOG.warn("Redis did not stop cleanly", e);
        } finally {
            dataDirectory.discardIfTemporary();
        }
    }
}
