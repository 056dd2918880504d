package ge.dms.devstack.infra;

import java.util.Objects;

/**
 * How to reach one PostgreSQL database: a JDBC URL plus credentials.
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host:port/database}
 * @param user     login role
 * @param password password, empty for trust authentication
 */
public record PostgresEndpoint(String jdbcUrl, String user, String password) {

    public PostgresEndpoint {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** The same server, another database on it. */
    public PostgresEndpoint withDatabase(String database) {
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        String serverPart = slash < 0 ? jdbcUrl : jdbcUrl.substring(0, slash);
        int query = jdbcUrl.indexOf('?');
        String parameters = query < 0 ? "" : jdbcUrl.substring(query);
        return new PostgresEndpoint(serverPart + "/" + database + parameters, user, password);
    }

    /** The database name in the URL. */
    public String database() {
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = jdbcUrl.indexOf('?');
        return jdbcUrl.substring(slash + 1, query < 0 ? jdbcUrl.length() : query);
    }

    /** {@code host:port} of the server. */
    public String hostAndPort() {
        int start = "jdbc:postgresql://".length();
        int slash = jdbcUrl.indexOf('/', start);
        return jdbcUrl.substring(start, slash < 0 ? jdbcUrl.length() : slash);
    }

    public String host() {
        String hostAndPort = hostAndPort();
        int colon = hostAndPort.lastIndexOf(':');
        return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    }

    public int port() {
        String hostAndPort = hostAndPort();
        int colon = hostAndPort.lastIndexOf(':');
        return colon < 0 ? 5432 : Integer.parseInt(hostAndPort.substring(colon + 1));
    }

    @Override
    public String toString() {
        return "PostgresEndpoint[" + jdbcUrl + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***") + "]";
    }
}
