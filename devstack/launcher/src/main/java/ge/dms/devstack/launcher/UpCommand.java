package ge.dms.devstack.launcher;

import ge.dms.devstack.infra.Infrastructure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./dev up}: starts the infrastructure (and, as they arrive, the services), prints where
 * everything is, and runs until Ctrl-C, which stops it all in reverse order.
 */
@Command(name = "up", description = "Start PostgreSQL, Kafka, Redis and the services; Ctrl-C stops everything.")
final class UpCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(UpCommand.class);

    @Option(names = "--data", paramLabel = "DIR",
            description = "Keep all state in DIR between runs (default: temporary folders, deleted on exit).")
    private Path dataDirectory;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        CountDownLatch stopped = new CountDownLatch(1);
        Infrastructure infrastructure = Infrastructure.start(
                dataDirectory == null ? null : dataDirectory.toAbsolutePath(), System.getenv());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            infrastructure.close();
            stopped.countDown();
        }, "dev-up-stop"));
        console.println();
        console.println("DMS platform is up" + (dataDirectory == null ? " (temporary data)" : " (data in " + dataDirectory.toAbsolutePath() + ")"));
        console.println(infrastructure.describe());
        console.println();
        console.println("As environment variables:");
        infrastructure.endpoints().asEnvironment().forEach((name, value) -> console.println("  export " + name + "='" + value + "'"));
        console.println();
        console.println("Press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }
}
