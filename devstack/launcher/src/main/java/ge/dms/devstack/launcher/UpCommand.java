package ge.dms.devstack.launcher;

import ge.dms.devstack.infra.Endpoints;
import ge.dms.devstack.infra.FreePorts;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.launcher.demo.DemoAccounts;
import ge.dms.devstack.launcher.demo.DemoData;
import ge.dms.devstack.tokens.DevTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./dev up}: starts the infrastructure and every service in this process tree, loads the
 * demo data, prints where everything is, and runs until Ctrl-C, which stops it all in reverse.
 */
@Command(name = "up", description = "Start PostgreSQL, Kafka, Redis and the services; Ctrl-C stops everything.")
final class UpCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(UpCommand.class);

    @Option(names = "--data", paramLabel = "DIR",
            description = "Keep all state in DIR between runs (default: temporary folders, deleted on exit).")
    private Path dataDirectory;

    @Option(names = "--command-port", defaultValue = "8081", description = "command API port, if free (default ${DEFAULT-VALUE})")
    private int commandPort;

    @Option(names = "--query-port", defaultValue = "8082", description = "query API port, if free (default ${DEFAULT-VALUE})")
    private int queryPort;

    private Path temporaryState;

    @Option(names = "--no-demo", description = "Do not load the demo data set.")
    private boolean noDemo;

    @Option(names = "--demo-size", paramLabel = "N", description = "Also generate N orders (bench's data generator, "
            + "6 months of lifecycles) and wait until CDC and the projections have caught up (default: the small demo only).")
    private Integer demoSize;

    @Option(names = "--instances", paramLabel = "N", defaultValue = "1",
            description = "Run N projections and N query API instances (scale-out and failover; "
                    + "DMS_PROJECTIONS_STANDBY_REPLICAS=1 keeps warm copies of the state; default ${DEFAULT-VALUE}).")
    private int instances;

    @Override
    public Integer call() throws InterruptedException {
        if (instances < 1 || instances > 8) {
            Console.out().println("up: --instances must be from 1 to 8, got " + instances);
            return 2;
        }
        PrintStream console = Console.out();
        CountDownLatch stopped = new CountDownLatch(1);
        Services services = new Services();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            services.close();
            UpEnvironment.delete(DevSecret.projectRoot());
            stopped.countDown();
        }, "dev-up-stop"));

        Infrastructure infrastructure;
        Endpoints endpoints;
        String jwtSecret;
        Path logs = stateDirectory().resolve("logs");
        Platform platform;
        DemoData.Summary demo;
        DemoSize.Report generated = null;
        try {
            infrastructure = services.add(Infrastructure.start(
                    dataDirectory == null ? null : dataDirectory.toAbsolutePath(), System.getenv()));
            endpoints = infrastructure.endpoints();
            jwtSecret = DevSecret.resolve(System.getenv(), DevSecret.projectRoot());
            platform = services.add(Platform.start(endpoints, jwtSecret, DevSecret.projectRoot(), logs, stateDirectory(),
                    new Platform.Ports(portOrFree(commandPort), portOrFree(queryPort)), Platform.Launch.JARS_WITH_AOT_CACHE, instances));
            demo = noDemo ? null : loadDemo(endpoints.writeDatabase());
            if (demoSize != null && demoSize > 0) {
                generated = DemoSize.load(endpoints, demoSize);
            }
            DevControl control = services.add(new DevControl(platform, infrastructure));
            UpEnvironment.write(DevSecret.projectRoot(), endpoints, control.url(), UpEnvironment.services(platform));
        } catch (RuntimeException startFailed) {
            // Stop what did start before the error is reported (the shutdown hook closes again, harmlessly).
            services.close();
            throw startFailed;
        }

        console.println();
        console.println("DMS platform is up" + (dataDirectory == null ? " (temporary data)" : " (data in " + dataDirectory.toAbsolutePath() + ")"));
        console.println(infrastructure.describe());
        console.println("Web pages          " + platform.webPages() + "   (sign in with a demo account below; both APIs on this origin too)");
        console.println("Command API        " + platform.commandApi() + "   (OpenAPI: " + platform.commandApi().resolve("/openapi.json") + ")");
        console.println("Query API          " + platform.queryApi() + "   (OpenAPI: " + platform.queryApi().resolve("/openapi.yml") + ")");
        console.println("Driver live feed   " + platform.queryApi().resolve("/api/drivers/ID/live").toString().replace("http:", "ws:"));
        console.println("CDC pipeline       " + platform.cdcHealth() + "   (metrics: " + platform.cdcHealth().resolve("/metrics") + ")");
        platform.projectionsInstances().forEach((name, health) -> console.println(String.format("%-19s", name.substring(0, 1).toUpperCase()
                + name.substring(1)) + health + "   (metrics: " + health.resolve("/metrics") + ")"));
        platform.queryApis().stream().skip(1).forEach(api -> console.println("Query API (more)   " + api));
        console.println("Metrics            " + platform.commandApi().resolve("/metrics") + "   " + platform.queryApi().resolve("/metrics")
                + "   (Prometheus text; docker-compose.yml adds Prometheus and Grafana)");
        console.println("Service logs       " + logs);
        if (generated != null) {
            console.println("Demo size          " + generated.describe());
        }
        console.println();
        console.println("As environment variables:");
        endpoints.asEnvironment().forEach((name, value) -> console.println("  export " + name + "='" + value + "'"));
        UpEnvironment.services(platform).forEach((name, value) -> console.println("  export " + name + "='" + value + "'"));
        if (demo != null) {
            printDemoTokens(console, demo, jwtSecret);
            printDemoAccounts(console, demo, platform);
            printExamples(console, demo, platform);
        }
        console.println();
        console.println("Press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }

    /** The --data folder, or one temporary folder per run for logs and Streams state. */
    private Path stateDirectory() {
        if (dataDirectory != null) {
            return dataDirectory.toAbsolutePath();
        }
        if (temporaryState == null) {
            try {
                temporaryState = Files.createTempDirectory("dms-up-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return temporaryState;
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

    /** The demo sign-ins (DemoAccounts), and how to sign in with one. */
    private static void printDemoAccounts(PrintStream console, DemoData.Summary demo, Platform platform) {
        console.println();
        console.println("Demo accounts (POST " + platform.commandApi() + "/api/session; demo passwords, local use only):");
        for (DemoAccounts.Account a : DemoAccounts.ACCOUNTS_BY_ROLE) {
            String party = switch (a.role()) {
                case "restaurant" -> "restaurant " + demo.restaurantIds().getFirst();
                case "driver" -> "driver " + demo.driverIds().getFirst();
                default -> "";
            };
            console.println("  " + String.format("%-12s", a.username()) + String.format("%-22s", a.password()) + a.role()
                    + (party.isEmpty() ? "" : "  (" + party + ")"));
        }
        DemoAccounts.Account staff = DemoAccounts.ACCOUNTS_BY_ROLE.get(1);
        console.println("  curl -s -X POST " + platform.commandApi() + "/api/session -H 'Content-Type: application/json' -d '{\"username\":\""
                + staff.username() + "\",\"password\":\"" + staff.password() + "\"}'");
    }

    /** Commands that work against the demo data as printed, for a first look. */
    private static void printExamples(PrintStream console, DemoData.Summary demo, Platform platform) {
        long restaurant = demo.restaurantIds().getFirst();
        long driver = demo.driverIds().getFirst();
        String ws = platform.queryApi().toString().replaceFirst("^http", "ws");
        console.println();
        console.println("Try:");
        console.println("  R=$(./dev token --role restaurant --id " + restaurant + "); A=$(./dev token --role admin); D=$(./dev token --role driver --id " + driver + ")");
        console.println("  curl -s " + platform.queryApi() + "/api/restaurants/" + restaurant + "/orders -H \"Authorization: Bearer $R\"");
        console.println("  curl -s " + platform.queryApi() + "/api/drivers/" + driver + "/deliveries -H \"Authorization: Bearer $D\"");
        console.println("  curl -s " + platform.queryApi() + "/api/analytics/kpis -H \"Authorization: Bearer $A\"     # last 30 days");
        console.println("  curl -N " + platform.queryApi() + "/api/drivers/" + driver + "/events -H \"Authorization: Bearer $D\"     # live, SSE");
        console.println("  websocat -H \"Authorization: Bearer $D\" " + ws + "/api/drivers/" + driver + "/live        # live, WebSocket");
        console.println("  curl -s -X POST " + platform.commandApi() + "/api/orders -H \"Authorization: Bearer $R\" -H 'Content-Type: application/json' \\");
        console.println("    -d '{\"items\":[{\"productId\":1,\"quantity\":2}],\"deliveryAddress\":\"თბილისი\",\"requestedDeliveryAt\":\"2030-01-01T10:00:00Z\"}'");
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
