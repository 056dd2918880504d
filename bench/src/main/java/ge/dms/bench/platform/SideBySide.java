package ge.dms.bench.platform;

import ge.dms.bench.cli.Offer;
import ge.dms.bench.cli.Progress;
import ge.dms.bench.commands.Measurements;
import ge.dms.bench.commands.OpenLoop;
import ge.dms.bench.report.Series;

import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the same probes at the same offered rate twice in one run: first through the query API,
 * then as direct SQL on the write side. Each side gets an unmeasured warm-up, then a measured
 * open-loop phase ({@link OpenLoop}); requests take the probes in turn, so both sides ask the same
 * mix of questions. Series are named {@code api <probe>}, {@code sql <probe>} and {@code api all}, {@code sql all}.
 */
public final class SideBySide {

    public static final List<String> SIDES = List.of("api", "sql");

    /** Rate, warm-up and measured time per side, and the client's in-flight cap. */
    public record Settings(double rate, Duration warmup, Duration measured, int maxInFlight, boolean progress) {
    }

    /** The series of both sides and, per side, what the open loop achieved. */
    public record Outcome(List<Series> series, Map<String, Object> figures, long errors) {
    }

    private SideBySide() {
    }

    /**
     * The timing every side-by-side scenario offers: each side measured 30 s after 5 s of warm-up (3 s and 1 s with
     * {@code --quick}); the scenario adds its rate, in-flight cap and timeout.
     */
    public static Offer timing(String quick) {
        return Offer.quick(quick).duration("measured time per side", "30s", "3s").warmup("unmeasured time per side before it", "5s", "1s");
    }

    public static Outcome run(String scenario, List<Probe> probes, Settings s) {
        List<String> order = new ArrayList<>(probes.stream().map(Probe::name).toList());
        order.add(Measurements.ALL);
        List<Series> series = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();
        long errors = 0;
        long perSide = s.warmup().toMillis() + s.measured().toMillis();
        try (Progress progress = Progress.overTime(scenario, perSide * SIDES.size(), s.progress())) {
            for (int side = 0; side < SIDES.size(); side++) {
                String name = SIDES.get(side);
                long offset = side * perSide;
                progress.extraMessage(name + " warm-up");
                phase(probes, side, s, s.warmup(), new Measurements(), ms -> progress.stepTo(offset + ms));
                progress.extraMessage(name);
                Measurements m = new Measurements();
                OpenLoop.Outcome outcome = phase(probes, side, s, s.measured(),
                        m, ms -> progress.stepTo(offset + s.warmup().toMillis() + ms));
                series.addAll(m.summarise(name + " ", order, s.measured()));
                figures.put(name + " load", outcome.figures(s.measured()));
                errors += m.errorCount();
            }
        }
        return new Outcome(series, figures, errors);
    }

    private static OpenLoop.Outcome phase(List<Probe> probes, int side, Settings s, Duration duration, Measurements m,
                                          java.util.function.LongConsumer progress) {
        if (duration.isZero()) {
            return new OpenLoop.Outcome(0, 0, Duration.ZERO);
        }
        AtomicLong turn = new AtomicLong();
        return OpenLoop.run(s.rate(), duration, s.maxInFlight(), intended -> {
            Probe probe = probes.get((int) (turn.getAndIncrement() % probes.size()));
            try {
                (side == 0 ? probe.api() : probe.sql()).run();
                m.success(probe.name(), System.nanoTime() - intended);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                m.error(probe.name(), "interrupted");
            } catch (Exception e) {
                m.error(probe.name(), kind(e));
            }
        }, intended -> m.error(Measurements.ALL, "refused-by-client"), progress);
    }

    /** What an error is counted as: the HTTP status, timeout, the SQL state, or the exception's class. */
    static String kind(Exception e) {
        if (e instanceof Probe.Failed f) {
            return f.getMessage();
        }
        if (e instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (e instanceof SQLException sql) {
            return "sql " + sql.getSQLState();
        }
        return (e instanceof java.io.IOException ? "io: " : "") + e.getClass().getSimpleName();
    }
}
