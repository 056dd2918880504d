package ge.dms.bench.fanout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The CDC pipeline's {@code dms.cdc.commit.to.ack} timer (source commit → Kafka acknowledgement,
 * hops 2 and 3), read from its {@code /metrics} (Prometheus text) before and after the run: the difference of count
 * and total time is the mean of the changes published in between. Optional: without the URL, or
 * when the pipeline does not answer, the figure is simply left out.
 */
final class CdcMeter {

    private static final Logger LOG = LoggerFactory.getLogger(CdcMeter.class);
    /** The timer {@code dms.cdc.commit.to.ack} as Prometheus names it (seconds). */
    private static final String TIMER = "dms_cdc_commit_to_ack_seconds";

    /** Count and total seconds. */
    record Reading(double count, double totalSeconds) {
    }

    private CdcMeter() {
    }

    static Reading read(URI metrics) {
        if (metrics == null) {
            return null;
        }
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            String body = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            double count = Double.NaN;
            double total = Double.NaN;
            for (String line : body.split("\n")) {
                // name{labels} value, or name value
                if (line.startsWith(TIMER + "_count{") || line.startsWith(TIMER + "_count ")) {
                    count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).strip());
                } else if (line.startsWith(TIMER + "_sum{") || line.startsWith(TIMER + "_sum ")) {
                    total = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).strip());
                }
            }
            return Double.isNaN(count) || Double.isNaN(total) ? null : new Reading(count, total);
        } catch (IOException | RuntimeException e) {
            LOG.warn("no CDC metrics from {}: {}", metrics, e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Mean commit → Kafka ack in ms of the changes published between the two readings, or null. */
    static Double meanMillisBetween(Reading before, Reading after) {
        if (before == null || after == null || after.count() <= before.count()) {
            return null;
        }
        double mean = (after.totalSeconds() - before.totalSeconds()) / (after.count() - before.count()) * 1000;
        return Math.round(mean * 100) / 100.0;
    }
}
