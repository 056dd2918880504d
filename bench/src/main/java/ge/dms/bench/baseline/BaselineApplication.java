package ge.dms.bench.baseline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** The baseline server's entry as a child process of the bench: configuration from the environment ({@link Baseline}). */
public final class BaselineApplication {

    private static final Logger LOG = LoggerFactory.getLogger(BaselineApplication.class);

    private BaselineApplication() {
    }

    public static void main(String[] args) throws InterruptedException {
        Baseline baseline = Baseline.start(Map.of());
        LOG.info("baseline (old design) listening on {}", baseline.url());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            baseline.close();
            stopped.countDown();
        }, "baseline-stop"));
        stopped.await();
    }
}
