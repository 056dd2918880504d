package ge.dms.bench.suite;

import ge.dms.bench.report.ResultFiles;
import ge.dms.bench.report.Runs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ./dev bench all}: every scenario in turn, each run by name through its own picocli
 * command exactly as {@code ./dev bench SCENARIO} would run it, so this class knows nothing of
 * their internals. A scenario that fails is reported and the next one runs; one that is not
 * registered (yet) is reported as missing. Writes {@code all.json}/{@code all.md}: each scenario's
 * status, exit code, time and result file.
 */
@Command(name = "all", mixinStandardHelpOptions = true,
        description = {"Runs every scenario in turn (default: generate, commands, fanout, board, analytics, export, rebuild), "
                + "continuing past failures.",
                "Options of all that a scenario declares (e.g. --query-api, --postgres-url) are passed to it; "
                        + "--arg SCENARIO:ARG passes one argument to one scenario only."})
public final class AllScenarios implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(AllScenarios.class);
    static final List<String> SCENARIOS = List.of("generate", "commands", "fanout", "board", "analytics", "export", "rebuild");

    /** How one scenario went: ok, failed (exit code, or -1 for an exception), or missing. */
    record Outcome(String status, int exitCode, double seconds, String results) {

        @Override
        public String toString() {
            return status + (status.equals("missing") ? " (not registered)" : " in " + seconds + " s, exit " + exitCode
                    + (results == null ? "" : ", " + results));
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "every scenario at its --quick size")
    boolean quick;

    @Option(names = "--scenarios", split = ",", description = "which, in this order (default: ${DEFAULT-VALUE})",
            defaultValue = "generate,commands,fanout,board,analytics,export,rebuild")
    List<String> scenarios;

    @Option(names = "--skip", split = ",", description = "scenarios to leave out, e.g. --skip generate on a loaded database")
    List<String> skip = new ArrayList<>();

    @Option(names = "--arg", paramLabel = "SCENARIO:ARG", description = "one argument for one scenario, e.g. --arg fanout:--drivers=5")
    List<String> scenarioArgs = new ArrayList<>();

    @Option(names = "--results-dir", description = "folder for every SCENARIO.json, .md and .png (default: bench/results)")
    Path resultsDir;

    @Option(names = "--no-progress", description = "no progress bars (for logs and CI)")
    boolean noProgress;

    @Unmatched
    List<String> forwarded = new ArrayList<>();

    @Override
    public Integer call() {
        CommandLine root = spec.commandLine().getParent();
        Map<String, CommandLine> registered = scenarioCommands(root);
        Map<String, List<String>> argsByScenario = new LinkedHashMap<>();
        for (String name : scenarios) {
            if (!skip.contains(name) && registered.containsKey(name)) {
                // Built before anything runs: a mistyped option fails now, not after ten minutes of benchmarks.
                argsByScenario.put(name, argsFor(name, registered));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        Instant started = Instant.now();
        Map<String, Object> outcomes = new LinkedHashMap<>();
        for (String name : scenarios) {
            if (skip.contains(name)) {
                continue;
            }
            Outcome outcome = registered.containsKey(name) ? run(name, registered.get(name), argsByScenario.get(name), root, out)
                    : new Outcome("missing", -1, 0, null);
            outcomes.put(name, outcome);
            out.printf("== all: %s %s (%.1f s)%n", name, outcome.status(), outcome.seconds());
            out.flush();
        }
        long notOk = outcomes.values().stream().filter(o -> !((Outcome) o).status().equals("ok")).count();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("quick", quick);
        parameters.put("scenarios", new ArrayList<>(outcomes.keySet()));
        outcomes.put("notOk", notOk);
        Runs.finish("all", started, parameters, List.of(), outcomes, results(), out);
        return notOk == 0 ? 0 : 1;
    }

    private Outcome run(String name, CommandLine scenario, List<String> args, CommandLine root, PrintWriter out) {
        out.printf("%n== all: running %s%n", name);
        out.flush();
        long start = System.nanoTime();
        int exit;
        try {
            scenario.setExecutionExceptionHandler(root.getExecutionExceptionHandler());
            exit = scenario.execute(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            // A scenario that escapes its own error handling must not end the others.
            LOG.error("scenario {} failed", name, e);
            exit = -1;
        }
        double seconds = Math.round((System.nanoTime() - start) / 1e8) / 10.0;
        Path json = results().jsonFile(name);
        // The file's name only, beside all.json: committed results must not carry this machine's paths.
        return new Outcome(exit == 0 ? "ok" : "failed", exit, seconds,
                Files.exists(json) && exit == 0 ? json.getFileName().toString() : null);
    }

    private List<String> argsFor(String name, Map<String, CommandLine> registered) {
        Map<String, String> own = new LinkedHashMap<>();
        if (quick) {
            own.put("--quick", null);
        }
        if (noProgress) {
            own.put("--no-progress", null);
        }
        if (resultsDir != null) {
            own.put("--results-dir", resultsDir.toString());
        }
        List<String> args = new ArrayList<>(ForwardedArgs.forTarget(forwarded, registered.get(name), registered.values(), own));
        for (String arg : scenarioArgs) {
            int colon = arg.indexOf(':');
            if (colon < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--arg takes SCENARIO:ARG, e.g. fanout:--drivers=5: " + arg);
            }
            if (arg.substring(0, colon).equals(name)) {
                args.add(arg.substring(colon + 1));
            }
        }
        return args;
    }

    /** Every subcommand of bench that is a scenario: all of them but this one and help. */
    private static Map<String, CommandLine> scenarioCommands(CommandLine root) {
        Map<String, CommandLine> commands = new LinkedHashMap<>(root.getSubcommands());
        commands.remove("all");
        commands.remove("help");
        return commands;
    }

    private ResultFiles results() {
        return new ResultFiles(resultsDir != null ? resultsDir : ResultFiles.defaultDirectory());
    }
}
