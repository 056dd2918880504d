package ge.dms.projection;

import ge.dms.projection.health.HealthServer;
import ge.dms.settings.InvalidSettingsException;
import ge.dms.settings.SettingsReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** Standalone entry: configuration from the {@code DMS_*} environment variables, runs until the JVM is stopped. */
public final class ProjectionsMain {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionsMain.class);
    /** Port of /health; -1 turns it off. */
    public static final String HEALTH_PORT = "DMS_PROJECTIONS_HEALTH_PORT";
    private static final int DEFAULT_HEALTH_PORT = 8083;

    private ProjectionsMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SettingsReader settings = SettingsReader.of(System.getenv());
        int healthPort = (int) settings.number(HEALTH_PORT, DEFAULT_HEALTH_PORT, -1, 65_535);
        ProjectionsConfig config = ProjectionsConfig.read(settings);
        try {
            settings.check();
        } catch (InvalidSettingsException e) {
            LOG.error("projections cannot start, {}", e.getMessage());
            // Exit status 2 without a stack trace: the message says what to set. A normal exit, so the
            // shutdown hooks (the log appenders' flush among them) still run.
            System.exit(2);
            return;
        }
        // Health first: liveness answers while the projections restore and join their groups;
        // readiness (and /health) only once every topology runs.
        AtomicReference<Projections> running = new AtomicReference<>();
        HealthServer health = healthPort < 0 ? null : new HealthServer(healthPort, () -> {
            Projections projections = running.get();
            return projections != null && projections.isRunning();
        }, () -> running.get() == null ? "" : running.get().scrape());
        try {
            running.set(Projections.start(config));
        } catch (RuntimeException e) {
            if (health != null) {
                health.close(); // its server thread would otherwise keep the failed JVM alive
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping projections");
            if (health != null) {
                health.close();
            }
            running.get().close();
            stopped.countDown();
        }, "projections-shutdown"));
        stopped.await();
    }
}
