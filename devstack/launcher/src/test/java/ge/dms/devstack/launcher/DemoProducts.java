package ge.dms.devstack.launcher;

import ge.dms.devstack.infra.PostgresEndpoint;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform ITs' pick from the demo catalogue, read on the write side. */
final class DemoProducts {

    private DemoProducts() {
    }

    /** An active product sold by weight or volume (any quantity the tests send is valid for it). */
    static long anyActive(PostgresEndpoint write) throws SQLException {
        try (Connection connection = DriverManager.getConnection(write.jdbcUrl(), write.user(), write.password());
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT id FROM products WHERE active AND unit IN ('kg', 'litre') ORDER BY id LIMIT 1")) {
            assertThat(rows.next()).as("an active product sold by weight or volume").isTrue();
            return rows.getLong(1);
        }
    }
}
