package ge.dms.bench.baseline;

import io.micronaut.context.annotation.Requires;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import ge.dms.http.token.Claims;
import ge.dms.http.token.TokenCodec;
import ge.dms.support.health.Readiness;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;

/** The baseline's wiring: the write-side JDBC pool, the token rules shared with both APIs, and its readiness. */
@Requires(property = Baseline.ENABLED, value = "true")
@Factory
public class BaselineFactory {

    @Singleton
    @Bean(preDestroy = "close")
    HikariDataSource writeSide(@Value("${dms.baseline.postgres.url}") String url,
                               @Value("${dms.baseline.postgres.user:dms}") String user,
                               @Value("${dms.baseline.postgres.password:}") String password,
                               @Value("${dms.baseline.pool-size:16}") int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("baseline");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        // As the old design's application server held it: a request that finds every connection busy waits, and that wait counts.
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        // Start without the database: the token check and bad input are answered before any query (and tested without one).
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    @Singleton
    TokenCodec tokens(@Value("${dms.jwt.secret:}") String secret, @Value("${dms.jwt.issuer:" + Claims.DEFAULT_ISSUER + "}") String issuer) {
        return new TokenCodec(secret, issuer);
    }

    @Singleton
    Readiness.Check readiness(HikariDataSource pool) {
        return () -> {
            try (Connection c = pool.getConnection()) {
                return c.isValid(1) ? Readiness.up() : Readiness.down("write side not answering");
            } catch (SQLException e) {
                return Readiness.down("write side: " + e.getMessage());
            }
        };
    }
}
