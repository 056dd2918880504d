package ge.dms.command;

import ge.dms.support.server.RunningService;

import java.util.Map;

/**
 * Plain-Java entry for launchers and tests: starts the command API with the given properties
 * (they win over application.yml and the environment) and returns a handle that stops it
 * (service-support's {@link RunningService}: {@code url()}, {@code port()}, {@code context()}, {@code close()}).
 *
 * <p>Keys a launcher typically passes: {@code DMS_POSTGRES_URL}, {@code DMS_POSTGRES_USER},
 * {@code DMS_POSTGRES_PASSWORD}, {@code DMS_JWT_SECRET}, {@code DMS_COMMAND_API_PORT} (use
 * {@code -1} for a random free port).
 */
public final class CommandApi extends RunningService {

    private CommandApi(Map<String, Object> properties) {
        super(properties);
    }

    public static CommandApi start(Map<String, Object> properties) {
        return new CommandApi(properties);
    }
}
