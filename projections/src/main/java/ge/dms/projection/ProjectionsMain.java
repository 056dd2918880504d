package ge.dms.projection;

import ge.dms.projection.health.HealthServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;

/** Standalone entry: configuration from the {@code DMS_*} environment variables, runs until the JVM is stopped. */
public final class ProjectionsMain {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionsMain.class);
    /** Port of /health; -1 turns it off. */
    public static final String HEALTH_PORT = "DMS_PROJECTIONS_HEALTH_PORT";
    private static final int DEFAULT_HEALTH_PORT = 8083;

    private ProjectionsMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Projections projections = Projections.start(ProjectionsConfig.fromEnvironment(System.getenv()));
        int healthPort = Integer.parseInt(System.getenv().getOrDefault(HEALTH_PORT, String.valueOf(DEFAULT_HEALTH_PORT)));
        HealthServer health = healthPort < 0 ? null : new HealthServer(healthPort, projections::isRunning);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping projections");
            if (health != null) {
                health.close();
            }
            projections.close();
            stopped.countDown();
        }, "projections-shutdown"));
        stopped.await();
    }
}
