package ge.dms.devstack.launcher;

import ge.dms.command.demo.DemoData;
import ge.dms.command.security.DevTokens;
import ge.dms.devstack.infra.Endpoints;
import ge.dms.devstack.infra.FreePorts;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.infra.PostgresEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./dev up}: starts the infrastructure and every service in this process tree, loads the
 * demo data, prints where everything is, and runs until Ctrl-C, which stops it all in reverse.
 */
@Command(name = "up", description = "Start PostgreSQL, Kafka, Redis and the services; Ctrl-C stops everything.")
final class UpCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(UpCommand.class);
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(90);

    @Option(names = "--data", paramLabel = "DIR",
            description = "Keep all state in DIR between runs (default: temporary folders, deleted on exit).")
    private Path dataDirectory;

    @Option(names = "--command-port", defaultValue = "8081", description = "command API port, if free (default ${DEFAULT-VALUE})")
    private int commandPort;

    @Option(names = "--no-demo", description = "Do not load the demo data set.")
    private boolean noDemo;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream console = Console.out();
        CountDownLatch stopped = new CountDownLatch(1);
        Services services = new Services();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            services.close();
            stopped.countDown();
        }, "dev-up-stop"));

        Infrastructure infrastructure = services.add(Infrastructure.start(
                dataDirectory == null ? null : dataDirectory.toAbsolutePath(), System.getenv()));
        Endpoints endpoints = infrastructure.endpoints();
        String jwtSecret = DevSecret.resolve(System.getenv(), DevSecret.projectRoot());
        Path logs = logDirectory();
        int commandApiPort = portOrFree(commandPort);
        URI commandApi = URI.create("http://localhost:" + commandApiPort);
        services.add(ServiceProcess.start("command-api", DevSecret.projectRoot().resolve("command-api"),
                        "ge.dms.command.Application", commandApiEnvironment(endpoints, jwtSecret, commandApiPort), logs))
                .awaitHealthy(commandApi.resolve("/health"), SERVICE_START_TIMEOUT);
        DemoData.Summary demo = noDemo ? null : loadDemo(endpoints.writeDatabase());
        // After command-api: its migrations create the publication that CDC captures through.
        int cdcHealthPort = FreePorts.next();
        URI cdcHealth = URI.create("http://localhost:" + cdcHealthPort + "/health");
        services.add(ServiceProcess.start("cdc-pipeline", DevSecret.projectRoot().resolve("cdc-pipeline"),
                        "ge.dms.cdc.CdcPipeline", cdcEnvironment(endpoints, cdcHealthPort), logs))
                .awaitHealthy(cdcHealth, SERVICE_START_TIMEOUT);

        console.println();
        console.println("DMS platform is up" + (dataDirectory == null ? " (temporary data)" : " (data in " + dataDirectory.toAbsolutePath() + ")"));
        console.println(infrastructure.describe());
        console.println("Command API        " + commandApi + "   (OpenAPI: " + commandApi.resolve("/openapi.json") + ")");
        console.println("CDC pipeline       " + cdcHealth + "   (metrics: " + cdcHealth.resolve("/metrics") + ")");
        console.println("Service logs       " + logs);
        console.println();
        console.println("As environment variables:");
        endpoints.asEnvironment().forEach((name, value) -> console.println("  export " + name + "='" + value + "'"));
        if (demo != null) {
            printDemoTokens(console, demo, jwtSecret);
        }
        console.println();
        console.println("Press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }

    private static Map<String, String> commandApiEnvironment(Endpoints endpoints, String jwtSecret, int port) {
        Map<String, String> environment = new HashMap<>(endpoints.asEnvironment());
        environment.put("DMS_JWT_SECRET", jwtSecret);
        environment.put("DMS_COMMAND_API_PORT", String.valueOf(port));
        return environment;
    }

    private static Map<String, String> cdcEnvironment(Endpoints endpoints, int healthPort) {
        Map<String, String> environment = new HashMap<>(endpoints.asEnvironment());
        environment.put("CDC_HEALTH_PORT", String.valueOf(healthPort));
        return environment;
    }

    private Path logDirectory() {
        if (dataDirectory != null) {
            return dataDirectory.toAbsolutePath().resolve("logs");
        }
        try {
            return Files.createTempDirectory("dms-logs-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DemoData.Summary loadDemo(PostgresEndpoint write) {
        DemoData.Summary summary = DemoData.load(write.jdbcUrl(), write.user(), write.password());
        LOG.info("demo data: {} restaurants, {} drivers, {} products, {} new orders",
                summary.restaurantIds().size(), summary.driverIds().size(), summary.products(), summary.ordersCreated());
        return summary;
    }

    private static void printDemoTokens(PrintStream console, DemoData.Summary demo, String secret) {
        console.println();
        console.println("Demo tokens (12 h; more with ./dev token --role ROLE --id ID):");
        console.println("  admin            " + DevTokens.mint(secret, "admin", null));
        long restaurant = demo.restaurantIds().getFirst();
        console.println("  restaurant " + pad(restaurant) + DevTokens.mint(secret, "restaurant", restaurant));
        long driver = demo.driverIds().getFirst();
        console.println("  driver     " + pad(driver) + DevTokens.mint(secret, "driver", driver));
    }

    private static String pad(long id) {
        return String.format("%-6s", id);
    }

    /** The preferred port when nothing listens there, else any free one: a second ./dev up still starts. */
    private static int portOrFree(int preferred) {
        try (ServerSocket probe = new ServerSocket(preferred, 1, InetAddress.getLoopbackAddress())) {
            return preferred;
        } catch (IOException busy) {
            int other = FreePorts.next();
            LOG.warn("port {} is busy; using {}", preferred, other);
            return other;
        }
    }
}
