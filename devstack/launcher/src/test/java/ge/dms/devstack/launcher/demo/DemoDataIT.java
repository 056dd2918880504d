package ge.dms.devstack.launcher.demo;

import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.schemas.order.OrderStatus;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;

import static ge.dms.command.persistence.jooq.Tables.ACCOUNTS;
import static ge.dms.command.persistence.jooq.Tables.ORDERS;
import static ge.dms.command.persistence.jooq.Tables.ORDER_STATUS_CHANGES;
import static ge.dms.command.persistence.jooq.Tables.PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;

/** The demo data on a write database migrated by command-api's scripts: loaded once, whole, and again without change. */
@WithDevStack
class DemoDataIT {

    @Test
    void shouldLoadOnceWithWholeStatusLogs(TestNamespace ns) throws Exception {
        PostgresEndpoint db = ns.writeDatabase();
        // command-api's own migrations; the API is not started here (this JVM also holds query-api's
        // application.yml): PlatformIT places orders with the demo restaurants' tokens on the running platform.
        Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).locations("classpath:db/migration").load().migrate();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            DSLContext sql = DSL.using(connection, SQLDialect.POSTGRES);
            DemoData.Summary first = DemoData.load(db.jdbcUrl(), db.user(), db.password());
            String counts = counts(sql);
            DemoData.Summary again = DemoData.load(db.jdbcUrl(), db.user(), db.password());

            assertThat(first.ordersCreated()).isEqualTo(12);
            assertThat(again.ordersCreated()).isZero();
            assertThat(again.restaurantIds()).isEqualTo(first.restaurantIds());
            assertThat(counts(sql)).isEqualTo(counts);
            assertThat(sql.fetchCount(PRODUCTS)).isEqualTo(20);
            assertThat(sql.fetchCount(ORDERS, ORDERS.STATUS.eq(OrderStatus.DELIVERED.value()))).isEqualTo(4);
            // Every order's log is whole: one row per version.
            assertThat(sql.fetchOne("select count(*) from orders o where o.version <> "
                    + "(select count(*) from order_status_changes c where c.order_id = o.id)").get(0, Long.class)).isZero();
            assertThat(sql.fetchCount(ORDER_STATUS_CHANGES)).isPositive();
            assertThat(sql.fetchCount(ACCOUNTS)).isEqualTo(DemoAccounts.ACCOUNTS_BY_ROLE.size());
        }
    }

    private static String counts(DSLContext sql) {
        return sql.fetchOne("select (select count(*) from restaurants) || '/' || (select count(*) from drivers) || '/' "
                + "|| (select count(*) from products) || '/' || (select count(*) from orders) || '/' "
                + "|| (select count(*) from order_items) || '/' || (select count(*) from order_status_changes)").get(0, String.class);
    }
}
