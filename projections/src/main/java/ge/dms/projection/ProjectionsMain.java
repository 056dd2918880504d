package ge.dms.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;

/** Standalone entry: configuration from the {@code DMS_*} environment variables, runs until the JVM is stopped. */
public final class ProjectionsMain {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionsMain.class);

    private ProjectionsMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Projections projections = Projections.start(ProjectionsConfig.fromEnvironment(System.getenv()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping projections");
            projections.close();
            stopped.countDown();
        }, "projections-shutdown"));
        stopped.await();
    }
}
