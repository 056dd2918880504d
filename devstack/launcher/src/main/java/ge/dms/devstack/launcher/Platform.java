package ge.dms.devstack.launcher;

import ge.dms.devstack.infra.Endpoints;
import ge.dms.devstack.infra.FreePorts;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The four services, each its own JVM started from its module's build (or, as production runs
 * them, from their runnable jars) and configured by environment variables alone, in dependency
 * order: command-api (its migrations create the publication), cdc-pipeline, projections, then one
 * or more query-api instances. Each is awaited on its {@code /health}.
 */
final class Platform implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    static final String REDIS_KEY_PREFIX = "dms:";

    private final Services processes = new Services();
    private Launch launchMode = Launch.CLASSES;
    private Path projectRoot;
    private Path logs;
    private Map<String, String> projectionsEnvironment;
    private ServiceProcess projections;
    private URI commandApi;
    private final List<URI> queryApis = new ArrayList<>();
    private URI cdcHealth;
    private URI projectionsHealth;

    /** Where the services listen; -1 picks a free port. */
    record Ports(int commandApi, int queryApi) {
    }

    /** How each service is started: from its module's classes ({@code ./dev up}) or with {@code java -jar} from its runnable jar. */
    enum Launch { CLASSES, JARS }

    /** {@code ./dev up}'s platform: one query API, the services run from their modules' classes. */
    static Platform start(Endpoints endpoints, String jwtSecret, Path projectRoot, Path logs, Path stateRoot, Ports ports) {
        return start(endpoints, jwtSecret, projectRoot, logs, stateRoot, ports, Launch.CLASSES, 1);
    }

    /** With {@code queryApis} query API instances (the first on {@code ports.queryApi()}, the others on free ports). */
    static Platform start(Endpoints endpoints, String jwtSecret, Path projectRoot, Path logs, Path stateRoot, Ports ports,
                          Launch launch, int queryApis) {
        Platform platform = new Platform();
        platform.launchMode = launch;
        try {
            platform.startAll(endpoints, jwtSecret, projectRoot, logs, stateRoot, ports, queryApis);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll(Endpoints endpoints, String jwtSecret, Path projectRoot, Path logs, Path stateRoot, Ports ports,
                          int queryApiCount) {
        this.projectRoot = projectRoot;
        this.logs = logs;
        int commandPort = ports.commandApi() < 0 ? FreePorts.next() : ports.commandApi();
        commandApi = URI.create("http://localhost:" + commandPort);
        start("command-api", "ge.dms.command.Application", environment(endpoints,
                "DMS_JWT_SECRET", jwtSecret, "DMS_COMMAND_API_PORT", String.valueOf(commandPort)), commandApi.resolve("/health"));

        int cdcPort = FreePorts.next();
        cdcHealth = URI.create("http://localhost:" + cdcPort + "/health");
        start("cdc-pipeline", "ge.dms.cdc.CdcPipeline", environment(endpoints,
                "CDC_HEALTH_PORT", String.valueOf(cdcPort)), cdcHealth);

        int projectionsPort = FreePorts.next();
        projectionsHealth = URI.create("http://localhost:" + projectionsPort + "/health");
        projectionsEnvironment = environment(endpoints,
                "DMS_PROJECTIONS_HEALTH_PORT", String.valueOf(projectionsPort),
                "DMS_PROJECTIONS_STATE_DIR", stateRoot.resolve("projections-state").toString(),
                // Locally nobody provisions topics; production does, with its own partitions and replication.
                "DMS_PROJECTIONS_CREATE_TOPICS", "true");
        startProjections();

        // Started together, then awaited: they need nothing from each other.
        List<ServiceProcess> started = new ArrayList<>();
        for (int i = 0; i < queryApiCount; i++) {
            int queryPort = i == 0 && ports.queryApi() >= 0 ? ports.queryApi() : FreePorts.next();
            queryApis.add(URI.create("http://localhost:" + queryPort));
            started.add(launch(i == 0 ? "query-api" : "query-api-" + (i + 1), "query-api", "ge.dms.query.Application",
                    environment(endpoints, "DMS_JWT_SECRET", jwtSecret, "DMS_QUERY_API_PORT", String.valueOf(queryPort))));
        }
        for (int i = 0; i < started.size(); i++) {
            started.get(i).awaitHealthy(queryApis.get(i).resolve("/health"), START_TIMEOUT);
        }
    }

    private ServiceProcess start(String name, String mainClass, Map<String, String> environment, URI health) {
        return launch(name, name, mainClass, environment).awaitHealthy(health, START_TIMEOUT);
    }

    private ServiceProcess launch(String name, String module, String mainClass, Map<String, String> environment) {
        Path moduleDirectory = projectRoot.resolve(module);
        return processes.add(launchMode == Launch.JARS
                ? ServiceProcess.startJar(name, moduleDirectory, environment, logs)
                : ServiceProcess.start(name, moduleDirectory, mainClass, environment, logs));
    }

    /** Starts the projections (again, after {@link #killProjections()}) and waits until every topology runs. */
    synchronized void startProjections() {
        projections = start("projections", "ge.dms.projection.ProjectionsMain", projectionsEnvironment,
                projectionsHealth);
    }

    /** {@code kill -9} of the projections: no shutdown hook, no commit, no leaving the consumer groups. */
    synchronized void killProjections() {
        processes.remove(projections);
        projections.kill();
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
        startProjections();
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
        return queryApis.getFirst();
    }

    /** Every query API instance, the first being {@link #queryApi()}. */
    List<URI> queryApis() {
        return List.copyOf(queryApis);
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
