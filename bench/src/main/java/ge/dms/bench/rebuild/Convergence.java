package ge.dms.bench.rebuild;

import ge.dms.bench.platform.Callers;
import ge.dms.bench.platform.Db;
import ge.dms.bench.platform.Http;
import ge.dms.bench.platform.OrderData;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether each view holds what the write side holds, cheaply enough to poll: the read side's
 * {@code order_view} (order count and version sum: the sink keeps only newer versions, so equal
 * sums mean every last change is in), the analytics (orders and delivered orders summed over the
 * restaurant rows) and Redis, checked through the query API on a sample of orders (the most
 * recently changed ones, whose changes come last in the topics, and a spread of others) that must
 * be served from Redis at their write-side version.
 */
final class Convergence {

    /** Write-side figures the views must reach. */
    record Target(long orders, long versions, long delivered, Map<Long, Long> sample) {
    }

    private final Db write;
    private final Db read;
    private final Http api;
    private final Callers callers;

    Convergence(Db write, Db read, Http api, Callers callers) {
        this.write = write;
        this.read = read;
        this.api = api;
        this.callers = callers;
    }

    Target target(int sampleSize) throws SQLException {
        OrderData.Totals totals = OrderData.writeTotals(write);
        Map<Long, Long> sample = new LinkedHashMap<>();
        try (Connection c = write.connect(); Statement s = c.createStatement()) {
            long delivered = single(s, "SELECT count(*) FROM orders WHERE status = 'delivered' AND delivered_at IS NOT NULL");
            int half = Math.max(1, sampleSize / 2);
            collect(s, "SELECT id, version FROM orders ORDER BY updated_at DESC, id DESC LIMIT " + half, sample);
            collect(s, "SELECT id, version FROM orders WHERE id % " + Math.max(1, totals.orders() / half) + " = 0 ORDER BY id LIMIT " + half,
                    sample);
            return new Target(totals.orders(), totals.versions(), delivered, sample);
        }
    }

    boolean readSide(Target t) throws SQLException {
        long[] seen = OrderData.readTotals(read);
        return seen[0] == t.orders() && seen[1] == t.versions();
    }

    long readSideOrders() throws SQLException {
        return OrderData.readTotals(read)[0];
    }

    boolean analytics(Target t) throws SQLException {
        try (Connection c = read.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(sum(orders), 0), coalesce(sum(delivered_count), 0) FROM analytics_daily "
                     + "WHERE dimension = 'restaurant'")) {
            rs.next();
            return rs.getLong(1) == t.orders() && rs.getLong(2) == t.delivered();
        }
    }

    /**
     * True when every sampled order is served from Redis at its write-side version. Stops at the
     * first one that is not (the most recently changed come first: they arrive last), so polling
     * costs one request while Redis is far behind.
     */
    boolean redis(Target t) throws Exception {
        for (Map.Entry<Long, Long> order : t.sample().entrySet()) {
            Http.Reply reply = api.get("/api/orders/" + order.getKey(), callers.next());
            String source = reply.header("X-Data-Source");
            String version = reply.header("X-View-Version");
            if (reply.status() != 200 || source == null || !source.startsWith("redis") || version == null
                    || Long.parseLong(version.strip()) != order.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void collect(Statement s, String sql, Map<Long, Long> into) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                into.put(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    /** All three caught up. */
    boolean all(Target t) throws Exception {
        return readSide(t) && analytics(t) && redis(t);
    }
}
