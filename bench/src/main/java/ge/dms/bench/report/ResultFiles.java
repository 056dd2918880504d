package ge.dms.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a scenario's {@code SCENARIO.json}, {@code SCENARIO.md} and {@code SCENARIO.png} into the results folder,
 * with no absolute path of this machine in them ({@link PortablePaths}).
 */
public final class ResultFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path directory;
    private final PortablePaths portable;

    public ResultFiles(Path directory) {
        this.directory = directory;
        this.portable = PortablePaths.of(directory);
    }

    /** {@code bench/results} under {@code -Ddms.root} (set by ./dev), else under the working directory. */
    public static Path defaultDirectory() {
        Path root = Path.of(System.getProperty("dms.root", ".")).toAbsolutePath().normalize();
        Path bench = root.resolve("bench");
        return Files.isDirectory(bench) ? bench.resolve("results") : root.resolve("results");
    }

    /** Where {@code scenario}'s JSON goes (whether or not it has been written). */
    public Path jsonFile(String scenario) {
        return directory.resolve(scenario + ".json");
    }

    public Path json(ScenarioResult result) {
        Path file = directory.resolve(result.scenario() + ".json");
        try {
            Files.createDirectories(directory);
            Files.writeString(file, portable.apply(JSON.writeValueAsString(result)), java.nio.charset.StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public Path markdown(ScenarioResult result) {
        Path file = directory.resolve(result.scenario() + ".md");
        try {
            Files.createDirectories(directory);
            return Files.writeString(file, portable.apply(MarkdownTable.of(result)), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The percentile chart of the result's series, or null when it has none. */
    public Path chart(ScenarioResult result) {
        if (result.series().isEmpty()) {
            return null;
        }
        Path file = directory.resolve(result.scenario() + ".png");
        try {
            Files.createDirectories(directory);
            PercentileChart.write(result, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** {@code file} for the console: relative to the project root when under it. */
    public static String shown(Path file) {
        return PortablePaths.shown(file);
    }

    public static ObjectMapper mapper() {
        return JSON;
    }
}
