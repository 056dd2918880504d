package ge.dms.devstack.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service of the platform running as its own JVM, started from its module's compiled
 * classes and {@code target/classpath.txt} or, as production runs it, from its runnable jar;
 * configured by environment variables alone, its output in a log file. {@link #close()} sends SIGTERM, so the service's own
 * shutdown hooks run, and kills it only if it has not stopped after a grace period.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceProcess.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** A JVM recording its AOT cache writes it on exit (~15 s for the projections on a busy 2-core machine). */
    private static final Duration TRAINING_STOP_GRACE = Duration.ofSeconds(90);

    private final String name;
    private final Process process;
    private final Path logFile;
    private Duration stopGrace = STOP_GRACE;

    private ServiceProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** What the services' logback.xml reads; production (and {@link #startJar}) leaves it unset: JSON lines. */
    static final String LOG_FORMAT = "DMS_LOG_FORMAT";
    static final String JVM_OPTIONS = "DMS_SERVICE_JVM_OPTIONS";
    private static final List<String> DEFAULT_HEAP_AND_COLLECTOR = List.of("-Xmx768m", "-XX:+UseG1GC");

    /**
     * Starts {@code mainClass} of the module in {@code moduleDirectory} with {@code environment} added, logging
     * readable text unless {@code DMS_LOG_FORMAT} says otherwise (this is the {@code ./dev up} way).
     */
    static ServiceProcess start(String name, Path moduleDirectory, String mainClass, Map<String, String> environment, Path logDirectory) {
        Path classes = moduleDirectory.resolve("target/classes");
        Path classpathFile = moduleDirectory.resolve("target/classpath.txt");
        if (!Files.exists(classpathFile)) {
            throw new IllegalStateException(name + " is not built: " + classpathFile + " is missing (run ./dev up, which builds it)");
        }
        try {
            String classpath = classes + java.io.File.pathSeparator + Files.readString(classpathFile, StandardCharsets.UTF_8).strip();
            return launch(name, List.of("-cp", classpath, mainClass), readableLogs(environment), logDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /**
     * Starts the module's runnable jar ({@code target/<artifactId>-<version>-app.jar}, its dependencies
     * in {@code target/lib}) as production does: {@code java -jar}, configured by {@code environment} alone.
     */
    static ServiceProcess startJar(String name, Path moduleDirectory, Map<String, String> environment, Path logDirectory) {
        return launch(name, List.of("-jar", runnableJar(moduleDirectory).toString()), environment, logDirectory);
    }

    /**
     * {@link #startJar} for {@code ./dev up}: readable log lines, and JDK 25's ahead-of-time cache (JEP 483, 514, 515:
     * classes loaded and linked, method profiles) in {@code target/aot/<name>.aot}. The first run after a build
     * records it (the JVM writes it when it exits, some seconds more on Ctrl-C); later starts, the cold-start bench's
     * restarts included, load it. Measured on the projections: a third less CPU to reach ready, which two cores
     * shared by every service feel at once.
     */
    static ServiceProcess startJarWithAotCache(String name, Path moduleDirectory, Map<String, String> environment, Path logDirectory) {
        Path jar = runnableJar(moduleDirectory);
        Path cache = moduleDirectory.resolve("target/aot").resolve(name + ".aot");
        List<String> command = new ArrayList<>();
        boolean training;
        try {
            Files.createDirectories(cache.getParent());
            // A cache older than the jar or a library describes other classes: the JVM would refuse it, so record anew.
            training = !Files.exists(cache) || Files.getLastModifiedTime(cache).compareTo(newestClasspathEntry(jar)) < 0;
            if (training) {
                Files.deleteIfExists(cache);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the AOT cache " + cache, e);
        }
        command.add((training ? "-XX:AOTCacheOutput=" : "-XX:AOTCache=") + cache);
        // Recording warns about every class it cannot archive (hundreds of lines in the service log); errors stay.
        command.addAll(List.of("-Xlog:aot=error", "-Xlog:cds=error"));
        command.addAll(List.of("-jar", jar.toString()));
        ServiceProcess started = launch(name, command, readableLogs(environment), logDirectory);
        started.stopGrace = training ? TRAINING_STOP_GRACE : STOP_GRACE;
        if (training) {
            LOG.info("{}: recording its AOT cache in {}; it is written when the service stops", name, cache);
        }
        return started;
    }

    /** {@code environment} with text log lines unless it or the launcher's own environment says otherwise. */
    private static Map<String, String> readableLogs(Map<String, String> environment) {
        Map<String, String> withFormat = new HashMap<>(environment);
        withFormat.putIfAbsent(LOG_FORMAT, System.getenv().getOrDefault(LOG_FORMAT, "text"));
        return withFormat;
    }

    /** The newest of the runnable jar and the libraries beside it in {@code target/lib}. */
    private static FileTime newestClasspathEntry(Path jar) throws IOException {
        FileTime newest = Files.getLastModifiedTime(jar);
        Path lib = jar.resolveSibling("lib");
        if (Files.isDirectory(lib)) {
            try (var libraries = Files.newDirectoryStream(lib, "*.jar")) {
                for (Path library : libraries) {
                    FileTime modified = Files.getLastModifiedTime(library);
                    newest = modified.compareTo(newest) > 0 ? modified : newest;
                }
            }
        }
        return newest;
    }

    private static Path runnableJar(Path moduleDirectory) {
        Path target = moduleDirectory.resolve("target");
        try (var jars = Files.newDirectoryStream(target, "*-app.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException missingTarget) {
            LOG.debug("no {}", target, missingTarget);
        }
        throw new IllegalStateException("no runnable jar in " + target + ": package the module first (mvn package)");
    }

    private static ServiceProcess launch(String name, List<String> what, Map<String, String> environment, Path logDirectory) {
        try {
            Files.createDirectories(logDirectory);
            Path logFile = logDirectory.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(javaBinary()));
            command.addAll(heapAndCollector());
            CoverageAgent.fromSystemProperties().ifPresent(agent -> command.addAll(agent.jvmOptions(name)));
            command.addAll(List.of("-Dfile.encoding=UTF-8",
                    "--sun-misc-unsafe-memory-access=allow")); // Kafka and Netty still call it; JDK 25 only warns
            command.addAll(what);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            LOG.info("{} started (pid {}), log {}", name, process.pid(), logFile);
            return new ServiceProcess(name, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /**
     * The heap and collector of every service JVM; {@code DMS_SERVICE_JVM_OPTIONS} (space-separated) replaces them,
     * e.g. to compare collectors with the bench.
     */
    static List<String> heapAndCollector() {
        String options = System.getenv(JVM_OPTIONS);
        if (options != null && !options.isBlank()) {
            return List.of(options.trim().split("\\s+"));
        }
        return DEFAULT_HEAP_AND_COLLECTOR;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Waits until {@code healthUrl} answers 200, failing early if the process dies. */
    ServiceProcess awaitHealthy(URI healthUrl, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + " during start-up; see " + logFile);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(healthUrl).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                LOG.trace("{} not answering yet", name, notYet);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            pause();
        }
        throw new IllegalStateException(name + " did not become healthy at " + healthUrl + " within " + timeout + "; see " + logFile);
    }

    private void pause() {
        try {
            process.waitFor(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Path logFile() {
        return logFile;
    }

    /** For one-shot tools: waits for the process to end and returns its exit code. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + logFile);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed or committed, as when a machine dies. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL for 10 s");
            }
            LOG.info("{} killed (exit {})", name, process.exitValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(stopGrace.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("{} did not stop within {}; killing it", name, stopGrace);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LOG.info("{} stopped", name);
    }
}
