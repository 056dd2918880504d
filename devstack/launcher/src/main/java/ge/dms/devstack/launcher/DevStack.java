package ge.dms.devstack.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./dev}: the commands that run the platform on one machine. */
@Command(name = "dev",
        mixinStandardHelpOptions = true,
        description = "Runs the DMS platform locally on real embedded servers.",
        subcommands = {UpCommand.class, TokenCommand.class, CheckViewsCommand.class, RebuildViewsCommand.class, KafkaToolCommand.class, SlowQueriesCommand.class})
public final class DevStack {

    public static void main(String[] args) {
        int exitCode = new CommandLine(new DevStack()).execute(args);
        if (exitCode != 0) {
            // A normal exit, not halt: the shutdown hooks (embedded servers' stop, log flush) still run.
            System.exit(exitCode);
        }
    }
}
