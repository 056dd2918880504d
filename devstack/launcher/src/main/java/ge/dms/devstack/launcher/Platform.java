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
 * order: command-api (its migrations create the publication), cdc-pipeline, one or more projections
 * instances, then as many query-api instances. Each is awaited on its {@code /health}. With two or more,
 * the projections instances share one Streams application each (same application id, their own state
 * folders), so Kafka Streams spreads the partitions over them and moves a lost instance's tasks to the others.
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
    /** Health URL of each projections instance, in start order. */
    private final Map<String, URI> projections = new LinkedHashMap<>();

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

    /**
     * With {@code instances} projections and as many query API instances (the first query API on
     * {@code ports.queryApi()}, the others on free ports).
     */
    static Platform start(Endpoints endpoints, String jwtSecret, Path projectRoot, Path logs, Path stateRoot, Ports ports,
                          Launch launch, int instances) {
        return start(endpoints, jwtSecret, projectRoot, logs, stateRoot, ports, launch, instances, Map.of());
    }

    /** As above, with {@code everyService} added to each service's environment (e.g. DMS_LOG_FORMAT, DMS_TRACE_LOG_LEVEL). */
    static Platform start(Endpoints endpoints, String jwtSecret, Path projectRoot, Path logs, Path stateRoot, Ports ports,
                          Launch launch, int instances, Map<String, String> everyService) {
        if (instances < 1) {
            throw new IllegalArgumentException("instances must be at least 1, got " + instances);
        }
        Platform platform = new Platform();
        platform.launchMode = launch;
        platform.everyService = Map.copyOf(everyService);
        try {
            platform.startAll(endpoints, jwtSecret, projectRoot, logs, stateRoot, ports, instances);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll(Endpoints endpoints, String jwtSecret, Path projectRoot, Path logs, Path stateRoot, Ports ports,
                          int instances) {
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

        List<Spec> projectionsSpecs = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            String name = instanceName(PROJECTIONS, i);
            URI health = URI.create("http://localhost:" + FreePorts.next() + "/health");
            projections.put(name, health);
            projectionsSpecs.add(define(name, "projections", "ge.dms.projection.ProjectionsMain", environment(endpoints,
                    "DMS_PROJECTIONS_HEALTH_PORT", String.valueOf(health.getPort()),
                    // Each instance its own RocksDB folder (a state folder is locked by one instance).
                    "DMS_PROJECTIONS_STATE_DIR", stateRoot.resolve(i == 0 ? "projections-state" : name + "-state").toString(),
                    // Locally nobody provisions topics; production does, with its own partitions and replication.
                    "DMS_PROJECTIONS_CREATE_TOPICS", "true"), health));
        }
        // The first alone (it creates the topics), then the others side by side: they join its groups.
        start(projectionsSpecs.getFirst());
        startTogether(projectionsSpecs.subList(1, projectionsSpecs.size()));

        List<Spec> queryApiSpecs = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            int queryPort = i == 0 && ports.queryApi() >= 0 ? ports.queryApi() : FreePorts.next();
            URI queryApi = URI.create("http://localhost:" + queryPort);
            queryApis.add(queryApi);
            queryApiSpecs.add(define(instanceName("query-api", i), "query-api", "ge.dms.query.Application",
                    environment(endpoints, "DMS_JWT_SECRET", jwtSecret, "DMS_QUERY_API_PORT", String.valueOf(queryPort),
                            // One origin for the web pages without a load balancer: writes go on to the command API.
                            "DMS_QUERY_COMMAND_API_URL", commandApi.toString()),
                    queryApi.resolve("/health")));
        }
        startTogether(queryApiSpecs); // they need nothing from each other
    }

    /** {@code projections}, {@code projections-2}, ...: the first keeps the plain name (logs, restart, faults). */
    private static String instanceName(String service, int index) {
        return index == 0 ? service : service + "-" + (index + 1);
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

    /** Starts the (first) projections instance again, after {@link #killProjections()}, and waits until every topology runs. */
    synchronized void startProjections() {
        start(specs.get(PROJECTIONS));
    }

    /**
     * {@code kill -9} of the (first) projections instance: no shutdown hook, no commit, no leaving the consumer
     * groups. With other instances its tasks move to them once its session times out.
     */
    synchronized void killProjections() {
        kill(PROJECTIONS);
    }

    /**
     * {@code kill -9} of the named service (a fault: {@link Faults}); {@link #startAgain} brings it back the same way.
     *
     * @throws IllegalArgumentException for a name this platform did not start
     */
    synchronized void kill(String name) {
        known(name);
        ServiceProcess process = running.remove(name);
        if (process != null) {
            processes.remove(process);
            process.kill();
        }
    }

    /** Starts a killed (or stopped) service again with the settings it had (ports, state, log) and waits until it is healthy. */
    synchronized URI startAgain(String name) {
        Spec spec = known(name);
        if (!running.containsKey(name)) {
            start(spec);
        }
        return spec.health();
    }

    private Spec known(String name) {
        Spec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("no such service: " + name + "; this platform runs " + String.join(", ", specs.keySet()));
        }
        return spec;
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
        List<String> instances = List.copyOf(projections.keySet());
        instances.reversed().forEach(this::stop);
        // Once per instance: each deletes its own state folder; what they share (groups, topics, keys) goes the first time.
        for (String name : instances) {
            int exit = ServiceProcess.start("rebuild-views", projectRoot.resolve("projections"), "ge.dms.projection.rebuild.ViewRebuild",
                    specs.get(name).environment(), logs).awaitExit(START_TIMEOUT);
            if (exit != 0) {
                throw new IllegalStateException("dropping the views failed (exit " + exit + "); see " + logs.resolve("rebuild-views.log")
                        + "; the projections stay stopped");
            }
        }
        start(specs.get(instances.getFirst()));
        startTogether(instances.subList(1, instances.size()).stream().map(specs::get).toList());
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

    /** The first projections instance's health URL. */
    URI projectionsHealth() {
        return projections.values().iterator().next();
    }

    /** Every projections instance's health URL, by name, the first being {@link #projectionsHealth()}. */
    Map<String, URI> projectionsInstances() {
        return Collections.unmodifiableMap(projections);
    }

    @Override
    public void close() {
        processes.close();
    }
}
