package ge.dms.bench;

import ge.dms.bench.analytics.AnalyticsScenario;
import ge.dms.bench.board.BoardScenario;
import ge.dms.bench.commands.CommandsScenario;
import ge.dms.bench.data.GenerateCommand;
import ge.dms.bench.export.ExportScenario;
import ge.dms.bench.faults.FaultsScenario;
import ge.dms.bench.fanout.FanoutScenario;
import ge.dms.bench.pages.PagesScenario;
import ge.dms.bench.rebuild.RebuildScenario;
import ge.dms.bench.suite.AllScenarios;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.UncheckedIOException;

/**
 * Entry point of {@code ./dev bench SCENARIO [options]}: the data generator and the benchmark
 * scenarios. Each scenario prints a summary table and writes {@code results/SCENARIO.json} and
 * {@code results/SCENARIO.png}.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Generates data and measures the DMS platform.",
        subcommands = {GenerateCommand.class, CommandsScenario.class, FanoutScenario.class, BoardScenario.class,
                AnalyticsScenario.class, ExportScenario.class, RebuildScenario.class, PagesScenario.class, FaultsScenario.class, AllScenarios.class,
                CommandLine.HelpCommand.class})
public final class Bench {

    private static final Logger LOG = LoggerFactory.getLogger(Bench.class);

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        CommandLine cli = commandLine();
        int exitCode = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        if (exitCode != 0) {
            // The exit status is main's to give; a normal exit, not halt, so the shutdown hooks still run.
            System.exit(exitCode);
        }
    }

    /** The command tree, for main and for tests that run it in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new Bench()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cli, parsed) -> {
                    // A missing setting deserves one clear line; anything else its stack trace too.
                    if (!(e instanceof IllegalArgumentException || e instanceof UncheckedIOException)) {
                        LOG.error("{} failed", cli.getCommandName(), e);
                    }
                    cli.getErr().println("bench " + cli.getCommandName() + ": " + e.getMessage());
                    return 1;
                });
    }
}
