package ge.dms.query.infra;

import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.projection.orderview.readstore.ReadStoreOrderViewWriter;
import ge.dms.query.order.ReadStoreOrders;
import ge.dms.query.search.ReadStoreSearch;
import ge.dms.schemas.view.OrderView;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import static ge.dms.query.support.TestViews.BASE;
import static ge.dms.query.support.TestViews.view;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read paths before and after jOOQ, on one read side: the statements the stores ran as JDBC strings (kept here as the
 * baseline) against the stores as they are now, interleaved round by round so both meet the same machine load.
 * Not run by default (no Test/IT suffix): {@code -Dit.test=ReadSideJooqMeasurement}. Logs medians and p99s; asserts
 * only that both answer the same, nothing about speed.
 */
@WithDevStack
class ReadSideJooqMeasurement {

    private static final Logger LOG = LoggerFactory.getLogger(ReadSideJooqMeasurement.class);
    private static final int ORDERS = 20_000;
    private static final int ROUNDS = 6;
    private static final int CALLS = 2_000;
    private static final int BATCH = 1_000;
    /** Warm-up calls, in rounds' worth: enough for C2 to compile jOOQ's paths too. */
    private static final int WARM_UP = 5;
    private static final String FIND = "SELECT view::text, version, restaurant_id, driver_id, source_commit_time FROM order_view "
            + "WHERE order_id = ?";
    private static final String SEARCH = """
            SELECT view::text, source_commit_time FROM order_view
            WHERE (reference ILIKE ? OR restaurant_name ILIKE ? OR reference % ? OR restaurant_name % ?) AND restaurant_id = ?
            ORDER BY greatest(similarity(reference, ?), similarity(coalesce(restaurant_name, ''), ?)) DESC, order_id DESC
            LIMIT ?
            """;

    @Test
    void measureTheStoresAgainstTheirFormerJdbcStatements(TestNamespace ns) throws Exception {
        PostgresEndpoint db = ns.readDatabase();
        var writerStore = new ge.dms.projection.readstore.ReadStore(db.jdbcUrl(), db.user(), db.password());
        writerStore.migrate();
        try (ReadStoreOrderViewWriter writer = new ReadStoreOrderViewWriter(writerStore);
             FormerOrderViewWriter former = new FormerOrderViewWriter(writerStore);
             ReadStore store = new ReadStore(db.jdbcUrl(), db.user(), db.password())) {
            List<OrderView> views = new ArrayList<>();
            for (long id = 1; id <= ORDERS; id++) {
                views.add(view(id, 1, "delivered", 1 + id % 50, null, BASE.plusSeconds(id * 60)));
            }
            writer.write(views);
            ReadStoreOrders orders = new ReadStoreOrders(store);
            ReadStoreSearch search = new ReadStoreSearch(store);
            assertThat(orders.find(77).orElseThrow().json()).isEqualTo(findJdbc(store, FIND, 77));
            assertThat(search.search("ORD-2026-0001", 2L, null, 20).views()).isEqualTo(searchJdbc(store, "ORD-2026-0001", 2L));
            compareWrites(writer, former);
            String rendered = findQuery(store, 1).getSQL();
            compare("find by id", CALLS, () -> findJdbc(store, FIND, 1 + (long) (Math.random() * ORDERS)),
                    () -> orders.find(1 + (long) (Math.random() * ORDERS)));
            compare("find by id, jOOQ's SQL text run as JDBC", CALLS, () -> findJdbc(store, FIND, 1 + (long) (Math.random() * ORDERS)),
                    () -> findJdbc(store, rendered, 1 + (long) (Math.random() * ORDERS)));
            compare("find by id, jOOQ building and rendering only", CALLS, () -> findJdbc(store, FIND, 1 + (long) (Math.random() * ORDERS)),
                    () -> findQuery(store, 1 + (long) (Math.random() * ORDERS)).getSQL());
            compare("search, one restaurant", CALLS / 100, () -> searchJdbc(store, "ORD-2026-0001", 2L),
                    () -> search.search("ORD-2026-0001", 2L, null, 20));
        }
    }

    /**
     * Batches of {@value #BATCH} views (each a newer version of orders already held, so every row is updated and its
     * items rewritten), the former JDBC writer and the jOOQ one taking turns.
     */
    private static void compareWrites(ReadStoreOrderViewWriter jooq, FormerOrderViewWriter jdbc) throws Exception {
        long[] version = {1};
        Callable<Integer> before = () -> jdbc.write(batch(++version[0]));
        Callable<Integer> after = () -> jooq.write(batch(++version[0]));
        assertThat(before.call()).isEqualTo(BATCH);
        assertThat(after.call()).isEqualTo(BATCH);
        compare("order view batch of " + BATCH + " (writer)", 10, before, after);
    }

    private static List<OrderView> batch(long version) {
        List<OrderView> views = new ArrayList<>(BATCH);
        for (long id = 1; id <= BATCH; id++) {
            views.add(view(id, version, "delivered", 1 + id % 50, null, BASE.plusSeconds(id * 60)));
        }
        return views;
    }

    private static void compare(String name, int calls, Callable<?> before, Callable<?> after) throws Exception {
        long[] jdbc = new long[ROUNDS * calls];
        long[] jooq = new long[ROUNDS * calls];
        for (int i = 0; i < WARM_UP * calls; i++) { // JIT, pool, server-side prepared statements
            before.call();
            after.call();
        }
        for (int round = 0; round < ROUNDS; round++) {
            run(before, jdbc, round, calls);
            run(after, jooq, round, calls);
        }
        LOG.info("{}: JDBC string p50 {} us p99 {} us; jOOQ p50 {} us p99 {} us ({} calls each, interleaved rounds)", name,
                quantile(jdbc, 0.5), quantile(jdbc, 0.99), quantile(jooq, 0.5), quantile(jooq, 0.99), jdbc.length);
    }

    private static void run(Callable<?> call, long[] into, int round, int calls) throws Exception {
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.call();
            into[round * calls + i] = System.nanoTime() - start;
        }
    }

    private static long quantile(long[] nanos, double q) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1000;
    }

    private static org.jooq.Query findQuery(ReadStore store, long orderId) {
        var t = ge.dms.readmodel.jooq.Tables.ORDER_VIEW;
        return store.sql().select(t.VIEW, t.VERSION, t.RESTAURANT_ID, t.DRIVER_ID, t.SOURCE_COMMIT_TIME).from(t)
                .where(t.ORDER_ID.eq(orderId));
    }

    private static String findJdbc(ReadStore store, String sql, long orderId) throws Exception {
        try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                rs.getLong(2);
                rs.getLong(3);
                rs.getLong(4);
                rs.getTimestamp(5);
                return rs.getString(1);
            }
        }
    }

    private static List<String> searchJdbc(ReadStore store, String text, long restaurantId) throws Exception {
        String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement(SEARCH)) {
            int i = 1;
            ps.setString(i++, like);
            ps.setString(i++, like);
            ps.setString(i++, text);
            ps.setString(i++, text);
            ps.setLong(i++, restaurantId);
            ps.setString(i++, text);
            ps.setString(i++, text);
            ps.setInt(i, 20);
            List<String> views = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    views.add(rs.getString(1));
                    rs.getTimestamp(2);
                }
            }
            return views;
        }
    }
}
