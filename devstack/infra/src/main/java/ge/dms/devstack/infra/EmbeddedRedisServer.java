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

    private RedisServer server;
    private final int port;
    private final DataDirectory dataDirectory;
    private final ExecutableProvider executable;

    private EmbeddedRedisServer(RedisServer server, int port, DataDirectory dataDirectory, ExecutableProvider executable) {
        this.server = server;
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.executable = executable;
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
        try {
            RedisServer server = launch(port, dataDirectory.path(), executable);
            LOG.info("Redis ({} binary) started on port {}", source, port);
            return new EmbeddedRedisServer(server, port, dataDirectory, executable);
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server (" + source + ") did not start", e);
        }
    }

    private static RedisServer launch(int port, Path directory, ExecutableProvider executable) throws IOException {
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
        return server;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * Stops the server as an operator's restart does: {@code SHUTDOWN}, which writes the append-only file out, or, with
     * {@code keepData} false, also deletes that file and any snapshot, so it comes back empty. The port stays this server's.
     */
    public synchronized void stop(boolean keepData) {
        if (server == null) {
            return;
        }
        try {
            RedisWire.shutdown(port);
            server.stop(); // the process has exited already; this releases what embedded-redis holds
            server = null;
            if (!keepData) {
                deleteData();
            }
            LOG.info("Redis on port {} stopped{}", port, keepData ? "" : ", its data deleted");
        } catch (IOException e) {
            throw new UncheckedIOException("Redis on port " + port + " did not stop", e);
        }
    }

    /** Starts a stopped server again on the same port and folder (with whatever data is left there). */
    public synchronized void restart() {
        if (server != null) {
            return;
        }
        try {
            server = launch(port, dataDirectory.path(), executable);
            LOG.info("Redis started again on port {}", port);
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start again on port " + port, e);
        }
    }

    /**
     * Freezes the server's process ({@code SIGSTOP}) for {@code seconds}, then lets it go on ({@code SIGCONT}): to its
     * clients a network stall, connections open and nothing answered. Returns once it runs again.
     */
    public void pause(java.time.Duration length) throws InterruptedException {
        long pid = RedisWire.processId(port);
        signal(pid, "-STOP");
        try {
            Thread.sleep(length);
        } finally {
            signal(pid, "-CONT");
        }
    }

    private static void signal(long pid, String signal) {
        try {
            int exit = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill " + signal + " " + pid + " exited " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not signal redis-server " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted signalling redis-server " + pid, e);
        }
    }

    private void deleteData() throws IOException {
        Path directory = dataDirectory.path();
        // 6.2 writes appendonly.aof, 7+ an appendonlydir folder; either may have a snapshot beside it.
        for (String name : new String[] {"appendonly.aof", "dump.rdb"}) {
            Files.deleteIfExists(directory.resolve(name));
        }
        Path aofFolder = directory.resolve("appendonlydir");
        if (Files.isDirectory(aofFolder)) {
            try (var files = Files.list(aofFolder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(aofFolder);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (server != null) {
                server.stop();
            }
        } catch (IOException e) {
            LOG.warn("Redis did not stop cleanly", e);
        } finally {
            dataDirectory.discardIfTemporary();
        }
    }
}
