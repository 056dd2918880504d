package ge.dms.devstack.launcher;

import ge.dms.devstack.infra.Endpoints;
import ge.dms.devstack.infra.FreePorts;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The four services, each its own JVM started from its module's build and configured by
 * environment variables alone, in dependency order: command-api (its migrations create the
 * publication), cdc-pipeline, projections, query-api. Each is awaited on its {@code /health}.
 */
final class Platform implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    static final String REDIS_KEY_PREFIX = "dms:";

    private final Services processes = new Services();
    private Path projectRoot;
    private Path logs;
    private Map<String, String> projectionsEnvironment;
    private ServiceProcess projections;
    private URI commandApi;
    private URI queryApi;
    private URI cdcHealth;
    private URI projectionsHealth;

    /** Where the services listen; -1 picks a free port. */
    record Ports(int commandApi, int queryApi) {
    }

    static Platform start(Endpoints endpoints, String jwtSecret, Path projectRoot, Path logs, Path stateRoot, Ports ports) {
        Platform platform = new Platform();
        try {
            platform.startAll(endpoints, jwtSecret, projectRoot, logs, stateRoot, ports);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll(Endpoints endpoints, String jwtSecret, Path projectRoot, Path logs, Path stateRoot, Ports ports) {
        int commandPort = ports.commandApi() < 0 ? FreePorts.next() : ports.commandApi();
        commandApi = URI.create("http://localhost:" + commandPort);
        start(projectRoot, logs, "command-api", "ge.dms.command.Application", environment(endpoints,
                "DMS_JWT_SECRET", jwtSecret, "DMS_COMMAND_API_PORT", String.valueOf(commandPort)), commandApi.resolve("/health"));

        int cdcPort = FreePorts.next();
        cdcHealth = URI.create("http://localhost:" + cdcPort + "/health");
        start(projectRoot, logs, "cdc-pipeline", "ge.dms.cdc.CdcPipeline", environment(endpoints,
                "CDC_HEALTH_PORT", String.valueOf(cdcPort)), cdcHealth);

        int projectionsPort = FreePorts.next();
        projectionsHealth = URI.create("http://localhost:" + projectionsPort + "/health");
        this.projectRoot = projectRoot;
        this.logs = logs;
        projectionsEnvironment = environment(endpoints,
                "DMS_PROJECTIONS_HEALTH_PORT", String.valueOf(projectionsPort),
                "DMS_PROJECTIONS_STATE_DIR", stateRoot.resolve("projections-state").toString(),
                // Locally nobody provisions topics; production does, with its own partitions and replication.
                "DMS_PROJECTIONS_CREATE_TOPICS", "true");
        projections = start(projectRoot, logs, "projections", "ge.dms.projection.ProjectionsMain", projectionsEnvironment,
                projectionsHealth);

        int queryPort = ports.queryApi() < 0 ? FreePorts.next() : ports.queryApi();
        queryApi = URI.create("http://localhost:" + queryPort);
        start(projectRoot, logs, "query-api", "ge.dms.query.Application", environment(endpoints,
                "DMS_JWT_SECRET", jwtSecret, "DMS_QUERY_API_PORT", String.valueOf(queryPort)), queryApi.resolve("/health"));
    }

    private ServiceProcess start(Path projectRoot, Path logs, String name, String mainClass, Map<String, String> environment, URI health) {
        return processes.add(ServiceProcess.start(name, projectRoot.resolve(name), mainClass, environment, logs))
                .awaitHealthy(health, START_TIMEOUT);
    }

    /**
     * Drops every view and rebuilds it from Kafka: stops the projections, runs their
     * {@code ViewRebuild} with the same settings (consumer groups, internal topics, local state,
     * Redis keys, read-side tables), starts them again and waits until they are healthy. Views
     * are then filled as the projections re-read the change topics from the beginning.
     */
    synchronized void rebuildViews() {
        processes.remove(projections);
        projections.close();
        int exit = ServiceProcess.start("rebuild-views", projectRoot.resolve("projections"), "ge.dms.projection.rebuild.ViewRebuild",
                projectionsEnvironment, logs).awaitExit(START_TIMEOUT);
        if (exit != 0) {
            throw new IllegalStateException("dropping the views failed (exit " + exit + "); see " + logs.resolve("rebuild-views.log")
                    + "; the projections stay stopped");
        }
        projections = start(projectRoot, logs, "projections", "ge.dms.projection.ProjectionsMain", projectionsEnvironment,
                projectionsHealth);
    }

    private static Map<String, String> environment(Endpoints endpoints, String... namesAndValues) {
        Map<String, String> environment = new HashMap<>(endpoints.asEnvironment());
        // Projections write and the query API reads under one key namespace.
        environment.put("DMS_REDIS_KEY_PREFIX", REDIS_KEY_PREFIX);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            environment.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return environment;
    }

    URI commandApi() {
        return commandApi;
    }

    URI queryApi() {
        return queryApi;
    }

    URI cdcHealth() {
        return cdcHealth;
    }

    URI projectionsHealth() {
        return projectionsHealth;
    }

    @Override
    public void close() {
        processes.close();
    }
}
