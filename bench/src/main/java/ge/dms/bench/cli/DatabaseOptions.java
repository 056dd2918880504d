package ge.dms.bench.cli;

import picocli.CommandLine.Option;

/** Where the write-side PostgreSQL is: the same {@code DMS_POSTGRES_*} variables the services read. */
public final class DatabaseOptions {

    @Option(names = "--postgres-url", defaultValue = "${env:DMS_POSTGRES_URL}",
            description = "JDBC URL of the write database (default: $DMS_POSTGRES_URL)")
    String url;

    @Option(names = "--postgres-user", defaultValue = "${env:DMS_POSTGRES_USER:-dms}",
            description = "its user (default: $DMS_POSTGRES_USER, else dms)")
    String user;

    @Option(names = "--postgres-password", defaultValue = "${env:DMS_POSTGRES_PASSWORD:-}",
            description = "its password (default: $DMS_POSTGRES_PASSWORD; prefer the variable, options show in ps)")
    String password;

    public String url() {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no write database: set DMS_POSTGRES_URL or pass --postgres-url");
        }
        return url;
    }

    /** Whether a write database was given (a scenario that only reports something from it may go without). */
    public boolean given() {
        return url != null && !url.isBlank();
    }

    public String user() {
        return user;
    }

    public String password() {
        return password == null ? "" : password;
    }
}
