package ge.dms.bench.cli;

import ge.dms.bench.report.ResultFiles;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where results go and whether to draw a progress bar. */
public final class OutputOptions {

    @Option(names = "--results-dir", description = "folder for SCENARIO.json, .md and .png (default: bench/results)")
    Path resultsDir;

    @Option(names = "--no-progress", negatable = false, description = "no progress bar (for logs and CI)")
    boolean noProgress;

    public ResultFiles results() {
        return new ResultFiles(resultsDir != null ? resultsDir : ResultFiles.defaultDirectory());
    }

    public boolean progress() {
        return !noProgress;
    }
}
