package ge.dms.command.demo;

import ge.dms.command.security.DevTokens;
import ge.dms.command.support.TestApi;
import ge.dms.command.support.TestApi.Reply;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import org.junit.jupiter.api.Test;

import static ge.dms.command.persistence.jooq.Tables.ORDERS;
import static ge.dms.command.persistence.jooq.Tables.ORDER_STATUS_CHANGES;
import static ge.dms.command.persistence.jooq.Tables.PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;

@WithDevStack
class DemoDataIT {

    @Test
    void shouldLoadOnceAndServeTheDemoTokens(TestNamespace ns) {
        try (TestApi t = TestApi.start(ns)) {
            PostgresEndpoint db = ns.writeDatabase();
            DemoData.Summary first = DemoData.load(db.jdbcUrl(), db.user(), db.password());
            String counts = counts(t);
            DemoData.Summary again = DemoData.load(db.jdbcUrl(), db.user(), db.password());

            assertThat(first.ordersCreated()).isEqualTo(12);
            assertThat(again.ordersCreated()).isZero();
            assertThat(again.restaurantIds()).isEqualTo(first.restaurantIds());
            assertThat(counts(t)).isEqualTo(counts);
            assertThat(t.sql().fetchCount(PRODUCTS)).isEqualTo(20);
            assertThat(t.sql().fetchCount(ORDERS, ORDERS.STATUS.eq("delivered"))).isEqualTo(4);
            // Every order's log is whole: one row per version.
            assertThat(t.sql().fetchOne("select count(*) from orders o where o.version <> "
                    + "(select count(*) from order_status_changes c where c.order_id = o.id)").get(0, Long.class)).isZero();
            assertThat(t.sql().fetchCount(ORDER_STATUS_CHANGES)).isPositive();

            long product = t.sql().select(PRODUCTS.ID).from(PRODUCTS).where(PRODUCTS.SKU.eq("DRY-SUL-002")).fetchSingle().value1();
            String token = DevTokens.mint(TestApi.SECRET, "restaurant", first.restaurantIds().getFirst());
            Reply placed = t.post("/api/orders", token, TestApi.orderBody(product, "1.5"));
            assertThat(placed.status()).isEqualTo(201);
        }
    }

    private static String counts(TestApi t) {
        return t.sql().fetchOne("select (select count(*) from restaurants) || '/' || (select count(*) from drivers) || '/' "
                + "|| (select count(*) from products) || '/' || (select count(*) from orders) || '/' "
                + "|| (select count(*) from order_items) || '/' || (select count(*) from order_status_changes)").get(0, String.class);
    }
}
