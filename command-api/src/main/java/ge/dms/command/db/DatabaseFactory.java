package ge.dms.command.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultTransactionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/** The pool, the migrations (run before anything uses the pool) and jOOQ over them. */
@Factory
public class DatabaseFactory {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFactory.class);

    // @Context: created (and migrated) at start-up, so a bad URL or a failed migration stops the
    // service before it takes traffic, and the schema exists before the first request.
    @Context
    @Bean(preDestroy = "close")
    HikariDataSource dataSource(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("command-api");
        hikari.setJdbcUrl(config.getUrl());
        hikari.setUsername(config.getUser());
        hikari.setPassword(config.getPassword());
        hikari.setMaximumPoolSize(config.getMaximumPoolSize());
        // A fixed-size pool: connections are opened at start, not on the first lunch-time spike.
        hikari.setMinimumIdle(config.getMaximumPoolSize());
        hikari.setConnectionTimeout(config.getConnectionTimeout().toMillis());
        // Stated, not assumed: ReadCommittedConnections tells jOOQ this level without asking the database.
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        hikari.setConnectionInitSql("SET statement_timeout = " + config.getStatementTimeout().toMillis()
                + "; SET lock_timeout = " + config.getLockTimeout().toMillis());
        hikari.addDataSourceProperty("ApplicationName", "dms-command-api");
        HikariDataSource dataSource = new HikariDataSource(hikari);
        migrate(dataSource);
        return dataSource;
    }

    @Singleton
    DSLContext dsl(DataSource dataSource) {
        Settings settings = new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED);
        var connections = new ReadCommittedConnections(dataSource);
        // A commit interrupted by a lost database is reported as of unknown outcome, not as not done.
        return DSL.using(new DefaultConfiguration().set(connections).set(SQLDialect.POSTGRES).set(settings)
                .set(new CommitAwareTransactions(new DefaultTransactionProvider(connections))));
    }

    private static void migrate(DataSource dataSource) {
        var result = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        LOG.info("Write schema at version {} ({} migrations applied now)", result.targetSchemaVersion, result.migrationsExecuted);
    }
}
