package ge.dms.devstack.launcher;

import ge.dms.devstack.infra.Endpoints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code .dev/up.env}: the running {@code ./dev up}'s connection settings, service URLs and control URL as shell
 * assignments, so {@code ./dev check-views}, {@code ./dev rebuild-views} and {@code ./dev bench} find the platform without
 * copying variables by hand. Written once everything is up; deleted on stop.
 */
final class UpEnvironment {

    private UpEnvironment() {
    }

    static void write(Path projectRoot, Endpoints endpoints, URI control, Map<String, String> services) {
        Map<String, String> variables = new LinkedHashMap<>(endpoints.asEnvironment());
        variables.putAll(services);
        variables.put(RebuildViewsCommand.CONTROL_URL, control.toString());
        String assignments = variables.entrySet().stream()
                .map(e -> e.getKey() + "='" + e.getValue().replace("'", "'\\''") + "'")
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.createDirectories(file(projectRoot).getParent());
            Files.writeString(file(projectRoot), assignments, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(projectRoot), e);
        }
    }

    /** Where the services listen, under the names bench's options default to. */
    static Map<String, String> services(Platform platform) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("DMS_COMMAND_API_URL", platform.commandApi().toString());
        variables.put("DMS_QUERY_API_URL", platform.queryApi().toString());
        variables.put("DMS_CDC_METRICS_URL", platform.cdcHealth().resolve("/metrics").toString());
        return variables;
    }

    static void delete(Path projectRoot) {
        try {
            Files.deleteIfExists(file(projectRoot));
        } catch (IOException ignored) {
            // A stale file only points later commands at servers that are gone; they say so.
        }
    }

    private static Path file(Path projectRoot) {
        return projectRoot.resolve(".dev").resolve("up.env");
    }
}
