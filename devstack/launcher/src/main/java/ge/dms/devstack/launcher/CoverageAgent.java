package ge.dms.devstack.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The JaCoCo agent for a service JVM that an IT starts, so that what the platform ITs exercise in the services counts
 * in the coverage report (coverage/README.md). On only when the test JVM says where the agent and the data go
 * ({@code dms.coverage.agent}, {@code dms.coverage.dir}: the root pom's Failsafe configuration); {@code ./dev up} sets
 * neither, so its services run without it.
 *
 * <p>One file per service name, appended to: a restarted service (and the second failsafe execution's platform) adds to
 * what the first wrote, and JaCoCo locks the file while it writes. The agent writes when the JVM exits normally, which
 * {@link ServiceProcess#close()}'s SIGTERM gives it; a {@code kill -9} loses that process's data.
 */
record CoverageAgent(Path agentJar, Path dataDirectory) {

    private static final Logger LOG = LoggerFactory.getLogger(CoverageAgent.class);
    static final String AGENT_PROPERTY = "dms.coverage.agent";
    static final String DIRECTORY_PROPERTY = "dms.coverage.dir";
    /** The same classes as the test JVMs' agents: ours only, so the services start as fast as without it. */
    private static final String INCLUDES = "ge.dms.*";

    /** The agent this JVM's system properties ask for, if any and if its jar is there. */
    static Optional<CoverageAgent> fromSystemProperties() {
        return from(System.getProperty(AGENT_PROPERTY), System.getProperty(DIRECTORY_PROPERTY));
    }

    static Optional<CoverageAgent> from(String agentJar, String dataDirectory) {
        if (agentJar == null || agentJar.isBlank() || dataDirectory == null || dataDirectory.isBlank()) {
            return Optional.empty();
        }
        Path jar = Path.of(agentJar.strip());
        if (!Files.isRegularFile(jar)) {
            // A missing agent must not stop the platform: the services run, only their coverage is not counted.
            LOG.warn("no JaCoCo agent at {} ({}): the services run without coverage", jar, AGENT_PROPERTY);
            return Optional.empty();
        }
        return Optional.of(new CoverageAgent(jar, Path.of(dataDirectory.strip())));
    }

    /** The JVM option that has service {@code name} record into {@code <dataDirectory>/<name>.exec}. */
    List<String> jvmOptions(String name) {
        Path dataFile = dataDirectory.resolve(name + ".exec").toAbsolutePath();
        return List.of("-javaagent:" + agentJar.toAbsolutePath() + "=destfile=" + dataFile + ",append=true,includes=" + INCLUDES);
    }
}
