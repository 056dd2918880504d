package ge.dms.command.health;

import ge.dms.support.health.Readiness;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Ready while the write database answers (service-support's {@code /health} asks this). */
@Singleton
public class WriteDatabaseReadiness implements Readiness.Check {

    private static final int DATABASE_CHECK_SECONDS = 2;

    private final DataSource dataSource;

    public WriteDatabaseReadiness(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Readiness check() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(DATABASE_CHECK_SECONDS)) {
                return Readiness.up();
            }
            return Readiness.down("the write database did not answer within " + DATABASE_CHECK_SECONDS + " s");
        } catch (SQLException e) {
            return Readiness.down("the write database is unreachable: " + e.getMessage());
        }
    }
}
