package ge.dms.devstack.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static ge.dms.devstack.deploy.ParsedYaml.list;
import static ge.dms.devstack.deploy.ParsedYaml.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The root docker-compose.yml, read as YAML the way compose reads it (anchors and merge keys): the
 * topology deploy/README.md describes, health checks and limits on every service, two query-api
 * replicas, images named as the build names them, every variable one the service really reads,
 * and no secret written in the file. No container engine needed.
 */
class ComposeFileTest {

    private static final List<String> SERVICES = List.of("command-api", "cdc-pipeline", "projections", "query-api");
    /** An interpolation compose refuses to run without: ${NAME:?message}. */
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{[A-Z0-9_]+:\\?[^}]*}");
    /** scheme://user:password@host */
    private static final Pattern CREDENTIALS_IN_URL = Pattern.compile("://[^/\\s]*@");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|REQUIREPASS|AUTH).*");

    private static Path root;
    private static Map<String, Object> services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        root = repositoryRoot();
        Map<String, Object> compose = new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
        services = map(compose.get("services"));
    }

    @Test
    void shouldRunTheWholeTopology() {
        assertThat(services).containsOnlyKeys("postgres-write", "postgres-read", "kafka", "redis",
                "command-api", "cdc-pipeline", "projections", "query-api", "query-lb", "prometheus", "grafana");
    }

    @Test
    void shouldGiveEveryServiceAHealthCheckARestartPolicyAndLimits() {
        services.forEach((name, value) -> {
            Map<String, Object> service = map(value);
            assertThat(service.get("restart")).as(name).isEqualTo("unless-stopped");
            assertThat(list(map(service.get("healthcheck")).get("test"))).as(name + " health check").isNotEmpty();
            Map<String, Object> limits = map(map(map(service.get("deploy")).get("resources")).get("limits"));
            assertThat(limits).as(name + " limits").containsKeys("cpus", "memory");
        });
    }

    @Test
    void shouldCheckEachServiceOnTheHealthPortItIsGiven() {
        Map<String, String> portVariable = Map.of("command-api", "DMS_COMMAND_API_PORT", "cdc-pipeline", "CDC_HEALTH_PORT",
                "projections", "DMS_PROJECTIONS_HEALTH_PORT", "query-api", "DMS_QUERY_API_PORT");
        portVariable.forEach((name, variable) -> {
            String port = environment(name).get(variable);
            assertThat(port).as(name + " " + variable).isNotBlank();
            assertThat(list(map(service(name).get("healthcheck")).get("test")))
                    .as(name + " health check")
                    .contains("HealthCheck", "http://127.0.0.1:" + port + "/health");
        });
    }

    @Test
    void shouldRunTwoQueryApiReplicasAndOneCdcPipeline() {
        assertThat(map(service("query-api").get("deploy")).get("replicas")).isEqualTo(2);
        // A replication slot has one reader.
        assertThat(map(service("cdc-pipeline").get("deploy")).get("replicas")).isEqualTo(1);
        // Replicas share no host port: the load balancer publishes it.
        assertThat(service("query-api")).doesNotContainKey("ports");
        assertThat(service("query-lb")).containsKey("ports");
    }

    @Test
    void shouldServeThePagesAndBothApisFromTheLoadBalancersOneOrigin() throws IOException {
        String nginx = Files.readString(root.resolve("deploy/query-lb.conf"));
        // Writes and every session call to command-api, the rest (pages, reads, live feeds) to the query-api replicas.
        assertThat(nginx).containsPattern("upstream command_api \\{\\s*server command-api:8081");
        assertThat(nginx).containsPattern("map \\$request_method \\$api_upstream \\{\\s*GET\\s+query_api;\\s*HEAD\\s+query_api;\\s*OPTIONS\\s+query_api;\\s*default\\s+command_api;");
        assertThat(nginx).containsPattern("location /api/session \\{\\s*proxy_pass http://command_api;");
        assertThat(nginx).containsPattern("location /api/ \\{\\s*proxy_pass http://\\$api_upstream;[^}]*proxy_set_header Upgrade \\$http_upgrade;");
        assertThat(nginx).containsPattern("location / \\{\\s*proxy_pass http://query_api;");
        assertThat(nginx).contains("proxy_set_header X-Forwarded-Host $http_host;");
        assertThat(list(service("query-lb").get("volumes"))).contains("./deploy/query-lb.conf:/etc/nginx/conf.d/default.conf:ro");
        assertThat(map(service("query-lb").get("depends_on"))).containsKeys("query-api", "command-api");
    }

    @Test
    void shouldRunTheImagesTheBuildNames() throws IOException {
        Matcher version = Pattern.compile("<artifactId>dms-platform</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(root.resolve("pom.xml")));
        assertThat(version.find()).isTrue();
        for (String name : SERVICES) {
            assertThat(service(name).get("image"))
                    .as(name)
                    .isEqualTo("dms/" + name + ":${DMS_IMAGE_TAG:-" + version.group(1) + "}");
        }
    }

    @Test
    void shouldSetOnlyVariablesTheServicesRead() {
        for (String name : SERVICES) {
            for (String variable : environment(name).keySet()) {
                assertThat(readsVariable(name, variable))
                        .as("%s sets %s, which %s/src/main never reads", name, variable, name)
                        .isTrue();
            }
        }
    }

    @Test
    void shouldSetEveryVariableAServiceCannotStartWithout() {
        assertThat(environment("command-api")).containsKeys("DMS_POSTGRES_URL", "DMS_POSTGRES_PASSWORD", "DMS_JWT_SECRET");
        assertThat(environment("cdc-pipeline")).containsKeys("DMS_POSTGRES_URL", "DMS_POSTGRES_PASSWORD", "DMS_KAFKA_BOOTSTRAP");
        assertThat(environment("projections")).containsKeys("DMS_KAFKA_BOOTSTRAP", "DMS_REDIS_URL", "DMS_READ_POSTGRES_URL",
                "DMS_READ_POSTGRES_PASSWORD", "DMS_PROJECTIONS_STATE_DIR");
        assertThat(environment("query-api")).containsKeys("DMS_REDIS_URL", "DMS_READ_POSTGRES_URL",
                "DMS_READ_POSTGRES_PASSWORD", "DMS_JWT_SECRET");
        // Partitions of the CDC topics and of the projections' must agree (co-partitioned joins).
        assertThat(environment("cdc-pipeline").get("CDC_TOPIC_PARTITIONS"))
                .isEqualTo(environment("projections").get("DMS_PROJECTIONS_TOPIC_PARTITIONS"));
    }

    @Test
    void shouldKeepTheWriteSideDurableWithLogicalDecoding() {
        assertThat(list(service("postgres-write").get("command")))
                .contains("wal_level=logical", "fsync=on", "synchronous_commit=on");
        assertThat(list(service("postgres-read").get("command"))).contains("fsync=on", "synchronous_commit=on");
        assertThat(environment("kafka").get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(environment("kafka")).doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat(list(service("redis").get("command"))).containsSequence("--appendonly", "yes")
                .containsSequence("--appendfsync", "everysec");
    }

    @Test
    void shouldTakeEverySecretFromTheEnvironment() {
        services.forEach((name, value) -> {
            environment(name).forEach((variable, setting) -> {
                if (SECRET_NAME.matcher(variable).matches()) {
                    assertThat(setting).as(name + " " + variable).matches(REQUIRED);
                }
                if (CREDENTIALS_IN_URL.matcher(setting).find()) {
                    assertThat(setting).as(name + " " + variable).containsPattern(REQUIRED);
                }
            });
            List<Object> command = service(name).get("command") == null ? List.of() : list(service(name).get("command"));
            int requirePass = command.indexOf("--requirepass");
            if (requirePass >= 0) {
                assertThat(String.valueOf(command.get(requirePass + 1))).as(name + " --requirepass").matches(REQUIRED);
            }
        });
    }

    /** Whether MODULE's sources name VARIABLE: "DMS_X" in Java, ${DMS_X...} in YAML, or "cdc.x.y" for CDC_X_Y. */
    private static boolean readsVariable(String module, String variable) {
        Set<String> spellings = Set.of("\"" + variable + "\"", "${" + variable,
                "\"" + variable.toLowerCase(Locale.ROOT).replace('_', '.') + "\"");
        try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main"))) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".yml"))
                    .anyMatch(f -> spellings.stream().anyMatch(readString(f)::contains));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> service(String name) {
        return map(services.get(name));
    }

    private static Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> values = new java.util.TreeMap<>();
        if (environment != null) {
            map(environment).forEach((k, v) -> values.put(k, String.valueOf(v)));
        }
        return values;
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path repositoryRoot() {
        String configured = System.getProperty("dms.root");
        Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("docker-compose.yml")) && Files.isRegularFile(d.resolve("dev"))) {
                return d;
            }
        }
        throw new IllegalStateException("no docker-compose.yml above " + dir);
    }
}
