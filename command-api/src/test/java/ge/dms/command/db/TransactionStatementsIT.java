package ge.dms.command.db;

import ge.dms.command.support.TestApi;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A command's transaction sends the database its work and nothing else: no isolation-level query per BEGIN. */
@WithDevStack
class TransactionStatementsIT {

    private static final String CALLS = """
            select coalesce(sum(s.calls), 0) from pg_stat_statements s join pg_database d on d.oid = s.dbid
            where d.datname = current_database() and s.query ilike ?""";

    private static final String ISOLATION_QUERY = "show transaction isolation level%";

    @Test
    void shouldRunCommandsWithoutAskingForTheIsolationLevel(TestNamespace ns) {
        try (TestApi t = TestApi.start(ns)) {
            t.sql().execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            long restaurant = t.restaurant("ქარვასლა");
            long product = t.product("BREAD-1", "შოთის პური", "piece", "1.20");
            // The pool reads the driver's default level once, when it opens its first connection; count after that.
            long askedBefore = calls(t, ISOLATION_QUERY);
            long order = ((Number) t.placeOrder(restaurant, product).get("id")).longValue();
            assertThat(t.act(order, "confirm", TestApi.admin(), 1, null).status()).isEqualTo(200);

            assertThat(calls(t, "insert into %order_status_changes%")).as("the commands ran").isGreaterThanOrEqualTo(2);
            assertThat(calls(t, ISOLATION_QUERY)).as("isolation-level queries during two commands").isEqualTo(askedBefore);
        }
    }

    private static long calls(TestApi t, String query) {
        return t.sql().fetchValue(CALLS, query) instanceof Number n ? n.longValue() : -1;
    }
}
