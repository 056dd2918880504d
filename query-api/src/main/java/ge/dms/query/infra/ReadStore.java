package ge.dms.query.infra;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import ge.dms.readmodel.ReadSideSql;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The read-side PostgreSQL (views and analytics written by projections). Never the write side.
 * The pool starts even when the database is down, so Redis-backed answers keep working.
 */
@Singleton
public class ReadStore implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final DSLContext sql;

    @Inject
    public ReadStore(ReadStoreConfig config) {
        this(config.getUrl(), config.getUser(), config.getPassword());
    }

    public ReadStore(String url, String user, String password) {
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("dms.read-postgres.url (DMS_READ_POSTGRES_URL) must be set");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("read-store");
        config.setMaximumPoolSize(10);
        config.setReadOnly(true);
        config.setInitializationFailTimeout(-1); // start without the database; requests answer 503 meanwhile
        config.setConnectionTimeout(2000); // a dead read side answers 503 in about 2 s, not 30
        this.dataSource = new HikariDataSource(config);
        this.sql = ReadSideSql.using(dataSource);
    }

    /** jOOQ over the pool: each statement borrows a connection and gives it back, as {@link #connect()} callers did. */
    public DSLContext sql() {
        return sql;
    }

    /** A connection of the caller's own (a cursor's transaction, the health check). */
    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    @PreDestroy
    @Override
    public void close() {
        dataSource.close();
    }
}
