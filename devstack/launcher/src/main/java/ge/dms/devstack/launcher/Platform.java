package ge.dms.devstack.launcher;

import ge.dms.devstack.infra.Endpoints;
import ge.dms.devstack.infra.FreePorts;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    private static final String PROJECTIONS = "projections";

    private final Services processes = new Services();
    /** How each service was started, by name, in start order: what a restart starts again, the same way. */
    private final Map<String, Spec> specs = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> running = new HashMap<>();
    private Launch launchMode = Launch.CLASSES;
    /** Added to every service's environment (a test's log settings); the platform's own variables win over it. */
    private Map<String, String> everyService = Map.of();
    private Path projectRoot;
    private Path logs;
    private URI commandApi;
    private final List<URI> queryApis = new ArrayList<>();
    private URI cdcHealth;
    private URI projectionsHealth;

    /** Where the services listen; -1 picks a free port. */
    record Ports(int commandApi, int queryApi) {
    }

    /**
     * How each service is started: from its module's classes (the ITs), with {@code java -jar} from its runnable jar as
     * production does, or from that jar with readable logs and an AOT cache ({@code ./dev up}, {@link ServiceProcess#startJarWithAotCache}).
     */
    enum Launch { CLASSES, JARS, JARS_WITH_AOT_CACHE }

    /** One service as started: its module, main class, environment (ports included) and health URL. */
    private record Spec(String name, String module, String mainClass, Map<String, String> environment, URI health) {
    }

    /** One query API, the services run from their modules' classes (the ITs). */
    static Platform start(Endpoints endpoints, String jwtSecret, Path projectRoot, Path logs, Path stateRoot, Ports ports) {
        return start(endpoints, jwtSecret, projectRoot, logs, stateRoot, ports, Launch.CLASSES, 1);
    }

    /** With {@code queryApis} query API instances (the first on {@code ports.queryApi()}, the others on free ports). */
    static Platform start(Endpoints endpoints, String jwtSecret, Path projectRoot, Path logs, Path stateRoot, Ports ports,
                          Launch launch, int queryApis) {
        return start(endpoints, jwtSecret, projectRoot, logs, stateRoot, ports, launch, queryApis, Map.of());
    }

    /** As above, with {@code everyService} added to each service's environment (e.g. DMS_LOG_FORMAT, DMS_TRACE_LOG_LEVEL). */
    static Platform start(Endpoints endpoints, String jwtSecret, Path projectRoot, Path logs, Path stateRoot, Ports ports,
                          Launch launch, int queryApis, Map<String, String> everyService) {
        Platform platform = new Platform();
        platform.launchMode = launch;
        platform.everyService = Map.copyOf(everyService);
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
        start(define("command-api", "command-api", "ge.dms.command.Application", environment(endpoints,
                "DMS_JWT_SECRET", jwtSecret, "DMS_COMMAND_API_PORT", String.valueOf(commandPort)), commandApi.resolve("/health")));

        int cdcPort = FreePorts.next();
        cdcHealth = URI.create("http://localhost:" + cdcPort + "/health");
        start(define("cdc-pipeline", "cdc-pipeline", "ge.dms.cdc.CdcPipeline", environment(endpoints,
                "CDC_HEALTH_PORT", String.valueOf(cdcPort)), cdcHealth));

        int projectionsPort = FreePorts.next();
        projectionsHealth = URI.create("http://localhost:" + projectionsPort + "/health");
        define(PROJECTIONS, "projections", "ge.dms.projection.ProjectionsMain", environment(endpoints,
                "DMS_PROJECTIONS_HEALTH_PORT", String.valueOf(projectionsPort),
                "DMS_PROJECTIONS_STATE_DIR", stateRoot.resolve("projections-state").toString(),
                // Locally nobody provisions topics; production does, with its own partitions and replication.
                "DMS_PROJECTIONS_CREATE_TOPICS", "true"), projectionsHealth);
        startProjections();

        List<Spec> queryApiSpecs = new ArrayList<>();
        for (int i = 0; i < queryApiCount; i++) {
            int queryPort = i == 0 && ports.queryApi() >= 0 ? ports.queryApi() : FreePorts.next();
            URI queryApi = URI.create("http://localhost:" + queryPort);
            queryApis.add(queryApi);
            queryApiSpecs.add(define(i == 0 ? "query-api" : "query-api-" + (i + 1), "query-api", "ge.dms.query.Application",
                    environment(endpoints, "DMS_JWT_SECRET", jwtSecret, "DMS_QUERY_API_PORT", String.valueOf(queryPort),
                            // One origin for the web pages without a load balancer: writes go on to the command API.
                            "DMS_QUERY_COMMAND_API_URL", commandApi.toString()),
                    queryApi.resolve("/health")));
        }
        startTogether(queryApiSpecs); // they need nothing from each other
    }

    private Spec define(String name, String module, String mainClass, Map<String, String> environment, URI health) {
        Spec spec = new Spec(name, module, mainClass, Collections.unmodifiableMap(new HashMap<>(environment)), health);
        specs.put(name, spec);
        return spec;
    }

    private ServiceProcess start(Spec spec) {
        return launch(spec).awaitHealthy(spec.health(), START_TIMEOUT);
    }

    /** Launches them all, then waits for each: what does not depend on each other starts side by side. */
    private void startTogether(List<Spec> services) {
        List<ServiceProcess> started = services.stream().map(this::launch).toList();
        for (int i = 0; i < started.size(); i++) {
            started.get(i).awaitHealthy(services.get(i).health(), START_TIMEOUT);
        }
    }

    private ServiceProcess launch(Spec spec) {
        Path moduleDirectory = projectRoot.resolve(spec.module());
        ServiceProcess process = processes.add(switch (launchMode) {
            case JARS -> ServiceProcess.startJar(spec.name(), moduleDirectory, spec.environment(), logs);
            case JARS_WITH_AOT_CACHE -> ServiceProcess.startJarWithAotCache(spec.name(), moduleDirectory, spec.environment(), logs);
            case CLASSES -> ServiceProcess.start(spec.name(), moduleDirectory, spec.mainClass(), spec.environment(), logs);
        });
        running.put(spec.name(), process);
        return process;
    }

    /** SIGTERM (the service's shutdown hooks run), {@code kill -9} only after the grace period. */
    private void stop(String name) {
        ServiceProcess process = running.remove(name);
        if (process != null) {
            processes.remove(process);
            process.close();
        }
    }

    /** Starts the projections (again, after {@link #killProjections()}) and waits until every topology runs. */
    synchronized void startProjections() {
        start(specs.get(PROJECTIONS));
    }

    /** {@code kill -9} of the projections: no shutdown hook, no commit, no leaving the consumer groups. */
    synchronized void killProjections() {
        ServiceProcess projections = running.remove(PROJECTIONS);
        if (projections != null) {
            processes.remove(projections);
            projections.kill();
        }
    }

    /**
     * Stops the named services (in reverse start order) and starts them again with the same
     * settings: same environment, so the same ports, state folder and log file (appended to); then
     * waits until every one answers its health URL. For a cold-start measurement of a running
     * platform. Returns each one's health URL, in start order.
     *
     * @throws IllegalArgumentException for a name this platform did not start; nothing is stopped then
     */
    synchronized Map<String, URI> restart(Collection<String> names) {
        List<Spec> chosen = specs.values().stream().filter(s -> names.contains(s.name())).toList();
        List<String> unknown = names.stream().filter(n -> !specs.containsKey(n)).toList();
        if (!unknown.isEmpty() || chosen.isEmpty()) {
            throw new IllegalArgumentException("no such service: " + (unknown.isEmpty() ? "none named" : String.join(", ", unknown))
                    + "; this platform runs " + String.join(", ", specs.keySet()));
        }
        for (Spec spec : chosen.reversed()) {
            stop(spec.name());
        }
        startTogether(chosen);
        Map<String, URI> health = new LinkedHashMap<>();
        chosen.forEach(spec -> health.put(spec.name(), spec.health()));
        return health;
    }

    /**
     * Drops every view and rebuilds it from Kafka: stops the projections, runs their
     * {@code ViewRebuild} with the same settings (consumer groups, internal topics, local state,
     * Redis keys, read-side tables), starts them again and waits until they are healthy. Views
     * are then filled as the projections re-read the change topics from the beginning.
     */
    synchronized void rebuildViews() {
        stop(PROJECTIONS);
        int exit = ServiceProcess.start("rebuild-views", projectRoot.resolve("projections"), "ge.dms.projection.rebuild.ViewRebuild",
                specs.get(PROJECTIONS).environment(), logs).awaitExit(START_TIMEOUT);
        if (exit != 0) {
            throw new IllegalStateException("dropping the views failed (exit " + exit + "); see " + logs.resolve("rebuild-views.log")
                    + "; the projections stay stopped");
        }
        startProjections();
    }

    private Map<String, String> environment(Endpoints endpoints, String... namesAndValues) {
        Map<String, String> environment = new HashMap<>(everyService);
        environment.putAll(endpoints.asEnvironment());
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

    /** The web pages, and both APIs through the same origin (query-api forwards the writes). */
    URI webPages() {
        return queryApi().resolve("/");
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
