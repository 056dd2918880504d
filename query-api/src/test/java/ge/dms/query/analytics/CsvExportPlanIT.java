package ge.dms.query.analytics;

import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.query.support.TestStack;
import ge.dms.readmodel.ReadSideSql;
import ge.dms.schemas.view.OrderView;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static ge.dms.query.support.TestViews.BASE;
import static ge.dms.query.support.TestViews.view;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export's cursor walks the created_at indexes in export order on a read side with real
 * statistics: no sort of the range (a sort makes the first byte wait for every row), whatever
 * share of the table the range covers.
 */
@WithDevStack
class CsvExportPlanIT {

    private static final int ORDERS = 20_000;

    @Test
    void shouldWalkTheCreatedAtIndexesInsteadOfSortingTheRange(Infrastructure infra, TestNamespace ns) throws Exception {
        String redis = infra.endpoints().redisUrl();
        try (TestStack stack = TestStack.start(ns, redis, redis, Map.of())) {
            stack.writeReadSide(ORDERS, id -> view(id, 1, "delivered", 1 + id % 50, null, BASE.plusSeconds(id * 60)));
            try (Connection c = stack.readStore.connect(); Statement s = c.createStatement()) {
                s.execute("ANALYZE order_view");
                c.setAutoCommit(false);
                Instant end = BASE.plusSeconds((ORDERS + 1) * 60L);
                for (Instant from : List.of(BASE.plusSeconds(ORDERS * 45L), BASE)) { // the newest quarter, everything
                    assertThat(plan(c, null, from, end)).as("all restaurants from " + from)
                            .contains("Index Scan Backward using order_view_created").doesNotContain("Sort");
                    assertThat(plan(c, 7L, from, end)).as("one restaurant from " + from)
                            .contains("Index Scan Backward using order_view_restaurant_created").doesNotContain("Sort");
                }
                c.rollback();
            }
        }
    }

    private static String plan(Connection c, Long restaurantId, Instant from, Instant to) {
        DSLContext sql = ReadSideSql.using(c);
        StringBuilder plan = new StringBuilder();
        for (var line : sql.resultQuery("EXPLAIN {0}", CsvExport.declare(sql, from, to, restaurantId)).fetch()) {
            plan.append(line.get(0, String.class)).append('\n');
        }
        return plan.toString();
    }
}
