package ge.dms.bench.platform;

import picocli.CommandLine.Option;

import java.net.URI;

/**
 * The read path of a running platform: the query API, the read-side PostgreSQL and the control
 * endpoint of {@code ./dev up}, from the variables {@code .dev/up.env} holds (as {@code ./dev bench} loads them).
 */
public final class PlatformOptions {

    @Option(names = "--query-api", defaultValue = "${env:DMS_QUERY_API_URL:-http://localhost:8082}",
            description = "base URL of the query API (default: ${DEFAULT-VALUE})")
    String queryApi;

    @Option(names = "--read-postgres-url", defaultValue = "${env:DMS_READ_POSTGRES_URL}",
            description = "JDBC URL of the read-side database (default: $DMS_READ_POSTGRES_URL)")
    String readUrl;

    @Option(names = "--read-postgres-user", defaultValue = "${env:DMS_READ_POSTGRES_USER:-dms}",
            description = "its user (default: $DMS_READ_POSTGRES_USER, else dms)")
    String readUser;

    @Option(names = "--read-postgres-password", defaultValue = "${env:DMS_READ_POSTGRES_PASSWORD:-}",
            description = "its password (default: $DMS_READ_POSTGRES_PASSWORD)")
    String readPassword;

    @Option(names = "--dev-control", defaultValue = "${env:DMS_DEV_CONTROL_URL}",
            description = "control URL of the running ./dev up (default: $DMS_DEV_CONTROL_URL from .dev/up.env)")
    String devControl;

    public URI queryApi() {
        return URI.create(queryApi.endsWith("/") ? queryApi.substring(0, queryApi.length() - 1) : queryApi);
    }

    /** The read-side database, or null when none is configured (checks that need it are then skipped). */
    public Db readSide() {
        return readUrl == null || readUrl.isBlank() ? null : new Db(readUrl, readUser, readPassword == null ? "" : readPassword);
    }

    /** The control URL, or null outside {@code ./dev up}. */
    public URI devControl() {
        return devControl == null || devControl.isBlank() ? null : URI.create(devControl);
    }
}
