package ge.dms.bench.baseline;

import ge.dms.bench.platform.Db;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the baseline server ({@link BaselineApplication}) as a child JVM on a free port, as the query API runs in a JVM
 * of its own: the load generator's threads, heap and garbage collector stay out of the baseline's latency. Ready once
 * an unauthenticated request is refused with 401 (the token check is in place); {@link #close()} stops it. Its console
 * output goes to a temporary file, kept only when it failed to start.
 */
public final class BaselineProcess implements AutoCloseable {

    private final Process process;
    private final URI url;
    private final Path log;

    private BaselineProcess(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /**
     * @param classPath the class path holding the bench and its runtime dependencies (the bench's own, when run by {@code ./dev bench})
     * @param poolSize  the baseline's JDBC pool, as the old design's application server held one
     */
    public static BaselineProcess start(String classPath, Db writeSide, String jwtSecret, int poolSize, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        int port = freePort();
        Path log = java.nio.file.Files.createTempFile("bench-baseline-", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The heap and collector ./dev up gives each service (devstack's ServiceProcess), so neither side has more room.
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx768m", "-XX:+UseG1GC", "--sun-misc-unsafe-memory-access=allow",
                "-cp", withoutServices(classPath), BaselineApplication.class.getName()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The environment, not the command line: a password in the arguments would show in every process listing.
        Map<String, String> env = builder.environment();
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        env.put("DMS_BASELINE_POSTGRES_URL", writeSide.url());
        env.put("DMS_BASELINE_POSTGRES_USER", writeSide.user() == null ? "" : writeSide.user());
        env.put("DMS_BASELINE_POSTGRES_PASSWORD", writeSide.password() == null ? "" : writeSide.password());
        env.put("DMS_BASELINE_POOL_SIZE", Integer.toString(poolSize));
        env.put("DMS_JWT_SECRET", jwtSecret);
        BaselineProcess started = new BaselineProcess(builder.start(), URI.create("http://127.0.0.1:" + port), log);
        try {
            started.awaitReady(timeout);
        } catch (IOException | InterruptedException | TimeoutException | RuntimeException e) {
            started.stop();
            throw e; // the log stays, for the message
        }
        return started;
    }

    /** The product's services, on a test's class path (the launcher's tests run the bench in their JVM), never on the bench's. */
    private static final List<String> SERVICES = List.of("command-api", "query-api", "projections", "cdc-pipeline");

    /**
     * The class path without the product's services: each brings its own {@code application.yml}, and Micronaut refuses
     * to start with two (devstack/launcher's {@code BenchSmokeIT} runs the bench with all of them on its class path).
     * The baseline needs none of them; {@code ./dev bench}'s own class path has none.
     */
    static String withoutServices(String classPath) {
        return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
                .filter(entry -> SERVICES.stream().noneMatch(service -> isOf(entry, service)))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** A service's jar ({@code command-api-0.1.0.jar}) or build output ({@code …/command-api/target/classes}). */
    private static boolean isOf(String entry, String service) {
        Path path = Path.of(entry);
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        return (name.startsWith(service + "-") && name.endsWith(".jar"))
                || entry.replace('\\', '/').contains("/" + service + "/target/");
    }

    public URI url() {
        return url;
    }

    /** Where the child's console output went (for a failure's message). */
    public Path log() {
        return log;
    }

    private void awaitReady(Duration timeout) throws InterruptedException, TimeoutException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            HttpRequest probe = HttpRequest.newBuilder(url.resolve("/api/orders/0")).timeout(Duration.ofSeconds(2)).GET().build();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("the baseline server exited with " + process.exitValue() + "; its output is in " + log);
                }
                try {
                    if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 401) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(200);
            }
        }
        throw new TimeoutException("the baseline server did not answer within " + timeout + "; its output is in " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the server and removes its console log. */
    @Override
    public void close() {
        stop();
        try {
            java.nio.file.Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temporary file: the system's cleaning takes it
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
