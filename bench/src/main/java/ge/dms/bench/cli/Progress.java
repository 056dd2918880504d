package ge.dms.bench.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A console progress bar for long runs (on stderr, so stdout stays the summary), or nothing with {@code --no-progress}. */
public final class Progress implements AutoCloseable {

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar over {@code total} units (e.g. orders), showing the rate of progress. */
    public static Progress start(String task, long total, String unit, boolean enabled) {
        return start(task, total, unit, enabled, true);
    }

    /** A bar over time in ms, where a rate of progress (ms/s) would say nothing. */
    public static Progress overTime(String task, long totalMillis, boolean enabled) {
        return start(task, totalMillis, "ms", enabled, false);
    }

    private static Progress start(String task, long total, String unit, boolean enabled, boolean speed) {
        if (!enabled) {
            return new Progress(null);
        }
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500);
        return new Progress((speed ? builder.showSpeed() : builder).build());
    }

    public void step(long n) {
        if (bar != null) {
            bar.stepBy(n);
        }
    }

    public void stepTo(long n) {
        if (bar != null) {
            bar.stepTo(n);
        }
    }

    public void extraMessage(String message) {
        if (bar != null) {
            bar.setExtraMessage(" " + message);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
