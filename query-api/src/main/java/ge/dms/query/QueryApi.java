package ge.dms.query;

import ge.dms.support.server.RunningService;

import java.util.Map;

/**
 * Plain-Java entry for launchers and tests: starts the query API with the given properties
 * (they win over application.yml and the environment) and returns a handle that stops it
 * (service-support's {@link RunningService}: {@code url()}, {@code port()}, {@code context()}, {@code close()}).
 *
 * <p>Keys a launcher typically passes: {@code DMS_REDIS_URL}, {@code DMS_REDIS_KEY_PREFIX},
 * {@code DMS_READ_POSTGRES_URL}, {@code DMS_READ_POSTGRES_USER}, {@code DMS_READ_POSTGRES_PASSWORD},
 * {@code DMS_JWT_SECRET}, {@code DMS_QUERY_API_PORT} (use {@code -1} for a random free port).
 */
public final class QueryApi extends RunningService {

    private QueryApi(Map<String, Object> properties) {
        super(properties);
    }

    public static QueryApi start(Map<String, Object> properties) {
        return new QueryApi(properties);
    }
}
