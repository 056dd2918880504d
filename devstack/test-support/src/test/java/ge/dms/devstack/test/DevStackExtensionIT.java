package ge.dms.devstack.test;

import ge.dms.devstack.infra.Endpoints;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.infra.PostgresEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

@WithDevStack
class DevStackExtensionIT {

    private static TestNamespace classNamespace;

    @BeforeAll
    static void rememberClassNamespace(TestNamespace namespace) {
        classNamespace = namespace;
    }

    @Test
    void shouldShareOneInfrastructurePerJvm(Infrastructure infrastructure, Endpoints endpoints) {
        assertThat(infrastructure).isSameAs(SharedInfrastructure.get());
        assertThat(endpoints).isEqualTo(infrastructure.endpoints());
    }

    @Test
    void shouldGiveEachTestItsOwnNames(TestNamespace namespace) {
        assertThat(namespace.id()).isNotEqualTo(classNamespace.id()).matches("t[0-9a-f]{12}");
        assertThat(namespace.topic("orders")).isEqualTo(namespace.id() + ".orders");
        assertThat(namespace.redisKeyPrefix()).isEqualTo(namespace.id() + ":");
        assertThat(namespace.applicationId("views")).startsWith(namespace.id());
    }

    @Test
    void shouldIsolateDatabasesBetweenNamespaces(TestNamespace namespace) throws SQLException {
        PostgresEndpoint mine = namespace.writeDatabase();
        PostgresEndpoint theirs = classNamespace.writeDatabase();
        execute(mine, "CREATE TABLE orders (id bigint)");

        assertThat(mine.database()).isNotEqualTo(theirs.database());
        assertThat(tableExists(mine, "orders")).isTrue();
        assertThat(tableExists(theirs, "orders")).isFalse();
        assertThat(namespace.readDatabase().database()).isNotEqualTo(mine.database());
    }

    private static void execute(PostgresEndpoint database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static boolean tableExists(PostgresEndpoint database, String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }
}
