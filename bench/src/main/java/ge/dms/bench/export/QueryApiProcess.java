package ge.dms.bench.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the query API's process on this host: a JVM running {@code ge.dms.query.Application}
 * whose {@code DMS_QUERY_API_PORT} (Linux: {@code /proc/PID/environ}) is the port the bench talks to.
 * Several {@code ./dev up}s may run side by side, so the main class alone is not enough.
 */
final class QueryApiProcess {

    static final String MAIN_CLASS = "ge.dms.query.Application";
    private static final int DEFAULT_PORT = 8082;

    private QueryApiProcess() {
    }

    static Optional<Long> find(int port) {
        List<Long> candidates = ProcessHandle.allProcesses().map(ProcessHandle::pid).filter(QueryApiProcess::runsQueryApi).toList();
        for (long pid : candidates) {
            Optional<Integer> configured = configuredPort(pid);
            if (configured.map(c -> c == port).orElse(port == DEFAULT_PORT)) {
                return Optional.of(pid);
            }
        }
        return Optional.empty();
    }

    /**
     * Read from {@code /proc/PID/cmdline}: {@code ProcessHandle.Info.commandLine()} comes back empty
     * for the long class paths the launcher passes.
     */
    private static boolean runsQueryApi(long pid) {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(cmdline, StandardCharsets.UTF_8).contains(MAIN_CLASS);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** DMS_QUERY_API_PORT from the process's environment, when readable and set. */
    static Optional<Integer> configuredPort(long pid) {
        try {
            byte[] environ = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
            return portIn(new String(environ, StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The port in a NUL-separated environment block. */
    static Optional<Integer> portIn(String environ) {
        for (String entry : environ.split("\0")) {
            if (entry.startsWith("DMS_QUERY_API_PORT=")) {
                try {
                    return Optional.of(Integer.parseInt(entry.substring("DMS_QUERY_API_PORT=".length()).strip()));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
