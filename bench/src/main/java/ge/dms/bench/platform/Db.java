package ge.dms.bench.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where one PostgreSQL database is, and how to open it: one connection, or a pool for concurrent load. */
public record Db(String url, String user, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * A pool of {@code size} connections, as the application server of the direct-SQL design held:
     * a request that finds every connection busy waits, and that wait counts in its latency.
     */
    public HikariDataSource pool(String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setConnectionTimeout(30_000);
        return new HikariDataSource(config);
    }
}
