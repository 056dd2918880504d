package ge.dms.bench.platform;

import ge.dms.bench.cli.DatabaseOptions;
import ge.dms.bench.cli.Scenario;
import picocli.CommandLine.Mixin;

/**
 * A scenario that reads the running platform besides driving its APIs: the write-side database and the read path
 * (query API, read-side database, the control endpoint of {@code ./dev up}), on top of what every {@link Scenario} has.
 */
public abstract class LiveScenario extends Scenario {

    @Mixin
    protected DatabaseOptions database;

    @Mixin
    protected PlatformOptions platform;

    /** The write-side database. */
    protected final Db writeSide() {
        return new Db(database.url(), database.user(), database.password());
    }

    /** The offered rate, warm-up and measured time per side of a {@link SideBySide} run. */
    protected final SideBySide.Settings sideBySide() {
        return new SideBySide.Settings(rate(), warmup(), duration(), maxInFlight(), output.progress());
    }
}
