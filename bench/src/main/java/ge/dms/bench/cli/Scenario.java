package ge.dms.bench.cli;

import ge.dms.bench.commands.Durations;
import ge.dms.bench.report.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;

/**
 * The base of every benchmark scenario against the APIs: the options they share (the command API and the token's
 * secret, where results go, {@code --quick}, and of the timing {@code --duration}, {@code --warmup}, {@code --rate},
 * {@code --max-in-flight}, {@code --timeout} what the scenario's {@link Offer} offers, with its wording and defaults),
 * and {@link #call()}: check those options, set up, warm up and measure ({@link #measure}, the scenario's own, with
 * {@link #warmUpThenMeasure} for the phases), write the results. A scenario declares only what differs.
 */
@Command(mixinStandardHelpOptions = true, modelTransformer = OfferedOptions.class)
public abstract class Scenario implements Callable<Integer> {

    /** One phase of a run: it runs for {@code length} and tells {@code elapsedMs} how far it is. */
    @FunctionalInterface
    public interface Phase<T> {
        T run(Duration length, LongConsumer elapsedMs) throws Exception;
    }

    /** A measured phase and what the progress bar says while it runs. */
    public record Measured<T>(String label, Phase<T> phase) {
    }

    @Spec
    protected CommandSpec spec;

    @Mixin
    protected ApiOptions api;

    @Mixin
    protected OutputOptions output;

    // The descriptions below are placeholders: OfferedOptions puts in each scenario's own (its Offer).
    @Option(names = "--quick", description = "small sizes")
    protected boolean quick;

    @Option(names = "--duration", description = "measured time, e.g. 30s, 500ms, 2m or PT30S")
    private String duration;

    @Option(names = "--warmup", description = "unmeasured time first")
    private String warmup;

    @Option(names = "--rate", description = "offered rate a second")
    private Double rate;

    @Option(names = "--max-in-flight", description = "outstanding requests before the client refuses one")
    private Integer maxInFlight;

    @Option(names = "--timeout", description = "timeout")
    private String timeout;

    /** The common options this scenario offers, with their help lines and defaults (the same every call). */
    protected abstract Offer offer();

    /** Sets up, warms up and measures, putting into {@code run} what its results hold; the base writes them after. */
    protected abstract void measure(Run run) throws Exception;

    /** The results' name: the command's, unless a variant writes results of its own ({@code fanout --cold}). */
    protected String resultName() {
        return spec.name();
    }

    @Override
    public final Integer call() throws Exception {
        checkTiming();
        Run run = new Run(resultName(), Instant.now());
        measure(run);
        run.finish(output.results(), spec.commandLine().getOut());
        return 0;
    }

    protected final Duration duration() {
        return Durations.parse(duration, offered(offer().duration(), "--duration"));
    }

    protected final Duration warmup() {
        return Durations.parse(warmup, offered(offer().warmup(), "--warmup"));
    }

    /** Whether {@code --warmup} was given (a scenario may refuse it with another option). */
    protected final boolean warmupGiven() {
        return warmup != null;
    }

    protected final double rate() {
        return rate != null ? rate : Double.parseDouble(offered(offer().rate(), "--rate"));
    }

    protected final int maxInFlight() {
        return maxInFlight != null ? maxInFlight : Integer.parseInt(offered(offer().maxInFlight(), "--max-in-flight"));
    }

    protected final Duration timeout() {
        return Durations.parse(timeout, offered(offer().timeout(), "--timeout"));
    }

    /**
     * The warm-up (unmeasured; none when {@code warm} is zero), then each measured phase for {@code each}, under one
     * progress bar over time; returns what the measured phases returned, in order.
     */
    protected final <T> List<T> warmUpThenMeasure(Duration warm, Phase<?> warmUp, Duration each, List<Measured<T>> measured)
            throws Exception {
        List<T> results = new ArrayList<>();
        try (Progress progress = Progress.overTime(resultName(), warm.toMillis() + each.toMillis() * measured.size(), output.progress())) {
            if (!warm.isZero()) {
                progress.extraMessage("warm-up");
                warmUp.run(warm, progress::stepTo);
            }
            long done = warm.toMillis();
            for (Measured<T> phase : measured) {
                progress.extraMessage(phase.label());
                long offset = done;
                results.add(phase.phase().run(each, ms -> progress.stepTo(offset + ms)));
                done += each.toMillis();
            }
        }
        return results;
    }

    /** The common timing options the scenario offers, each within what makes sense for any scenario. */
    private void checkTiming() {
        Offer offer = offer();
        if (offer.duration() != null && (duration().isZero() || duration().isNegative())) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        if (offer.warmup() != null && warmup().isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        if (offer.rate() != null && !(rate() > 0 && Double.isFinite(rate()))) {
            throw new IllegalArgumentException("--rate must be positive");
        }
        if (offer.maxInFlight() != null && maxInFlight() < 1) {
            throw new IllegalArgumentException("--max-in-flight must be at least 1");
        }
        if (offer.timeout() != null && (timeout().isZero() || timeout().isNegative())) {
            throw new IllegalArgumentException("--timeout must be positive");
        }
    }

    private String offered(Offer.Setting setting, String option) {
        if (setting == null) {
            throw new IllegalStateException(spec.name() + " does not offer " + option);
        }
        return setting.value(quick);
    }
}
