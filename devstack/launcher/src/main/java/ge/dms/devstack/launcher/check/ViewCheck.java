package ge.dms.devstack.launcher.check;

import ge.dms.projection.analytics.AnalyticsKey;
import ge.dms.projection.analytics.AnalyticsProjection;
import ge.dms.schemas.order.OrderStatus;
import ge.dms.schemas.serde.Json;
import ge.dms.schemas.view.RedisKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares the write side with the views: for every order, status, version, total, item count
 * and driver in the read-side {@code order_view} and in Redis; and per (restaurant, day in
 * Asia/Tbilisi) and per day over all orders the order count, delivered count and delivered revenue in
 * {@code analytics_daily} against SQL over the write-side {@code orders}. Read-only everywhere.
 * A dev and operations tool ({@code ./dev check-views}, {@link CheckViewsCommand}); no service carries it.
 */
public final class ViewCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ViewCheck.class);
    private static final int BATCH = 1000;

    /** One difference: which order (or analytics row), where, what the write side says, what the view says. */
    public record Drift(String subject, String where, String expected, String actual) {
    }

    /** A JDBC connection target. */
    public record Database(String jdbcUrl, String user, String password) {

        Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, user, password);
        }
    }

    private ViewCheck() {
    }

    public static List<Drift> check(Database write, Database read, String redisUrl, RedisKeys keys) throws SQLException {
        List<Drift> drift = new ArrayList<>();
        RedisClient client = RedisClient.create(redisUrl);
        try (Connection w = write.connect(); Connection r = read.connect();
             StatefulRedisConnection<String, String> redis = client.connect()) {
            w.setAutoCommit(false); // lets the driver stream the orders with a cursor
            try (Statement s = w.createStatement()) {
                s.setFetchSize(BATCH);
                try (ResultSet rows = s.executeQuery(
                        "SELECT id, status, version, total_amount, item_count, driver_id FROM orders ORDER BY id")) {
                    Map<Long, Snapshot> batch = new HashMap<>();
                    while (rows.next()) {
                        Snapshot o = new Snapshot(rows.getString(2), rows.getLong(3), rows.getBigDecimal(4),
                                rows.getInt(5), (Long) rows.getObject(6));
                        batch.put(rows.getLong(1), o);
                        if (batch.size() == BATCH) {
                            compare(batch, r, redis.sync(), keys, drift);
                            batch.clear();
                        }
                    }
                    compare(batch, r, redis.sync(), keys, drift);
                }
            }
            compareCounts(w, r, drift);
            compareAnalytics(w, r, drift);
        } finally {
            client.shutdown();
        }
        drift.forEach(d -> LOG.warn("Drift {} in {}: write side {}, view {}", d.subject(), d.where(), d.expected(), d.actual()));
        LOG.info("View check: {} drift(s)", drift.size());
        return drift;
    }

    private record Snapshot(String status, long version, BigDecimal total, int itemCount, Long driverId) {

        List<String> differences(Snapshot view) {
            List<String> out = new ArrayList<>();
            if (!status.equals(view.status)) {
                out.add("status");
            }
            if (version != view.version) {
                out.add("version");
            }
            if (total != null && (view.total == null || total.compareTo(view.total) != 0)) {
                out.add("total");
            }
            if (itemCount != view.itemCount) {
                out.add("item_count");
            }
            if (!Objects.equals(driverId, view.driverId)) {
                out.add("driver");
            }
            return out;
        }
    }

    private static void compare(Map<Long, Snapshot> batch, Connection read, RedisCommands<String, String> redis,
                                RedisKeys keys, List<Drift> drift) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        Map<Long, Snapshot> readSide = new HashMap<>();
        try (PreparedStatement ps = read.prepareStatement("SELECT order_id, status, version, total_amount, item_count, driver_id "
                + "FROM order_view WHERE order_id = ANY (?)")) {
            ps.setArray(1, read.createArrayOf("bigint", batch.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    readSide.put(rs.getLong(1), new Snapshot(rs.getString(2), rs.getLong(3), rs.getBigDecimal(4),
                            rs.getInt(5), (Long) rs.getObject(6)));
                }
            }
        }
        for (var entry : batch.entrySet()) {
            long id = entry.getKey();
            Snapshot expected = entry.getValue();
            record(drift, "order " + id, "read-side", expected, readSide.get(id));
            record(drift, "order " + id, "redis", expected, fromRedis(redis.hget(keys.order(id), "json")));
        }
    }

    private static void record(List<Drift> drift, String subject, String where, Snapshot expected, Snapshot actual) {
        if (actual == null) {
            drift.add(new Drift(subject, where, expected.toString(), "missing"));
        } else if (!expected.differences(actual).isEmpty()) {
            drift.add(new Drift(subject, where + " " + expected.differences(actual), expected.toString(), actual.toString()));
        }
    }

    private static Snapshot fromRedis(String json) {
        if (json == null) {
            return null;
        }
        try {
            var v = Json.mapper().readValue(json, ge.dms.schemas.view.OrderView.class);
            return new Snapshot(v.status(), v.version(), v.totalAmount(), v.itemCount(), v.driverId());
        } catch (IOException e) {
            return new Snapshot("unreadable: " + e.getMessage(), -1, null, -1, null);
        }
    }

    private static void compareCounts(Connection write, Connection read, List<Drift> drift) throws SQLException {
        long writeCount = single(write, "SELECT count(*) FROM orders");
        long readCount = single(read, "SELECT count(*) FROM order_view");
        if (writeCount != readCount) {
            drift.add(new Drift("order count", "read-side", Long.toString(writeCount), Long.toString(readCount)));
        }
    }

    /** Per (restaurant, day) and per day over all orders: order count, delivered count, delivered revenue. */
    private static void compareAnalytics(Connection write, Connection read, List<Drift> drift) throws SQLException {
        String day = "(created_at AT TIME ZONE '" + AnalyticsProjection.DAY_ZONE.getId() + "')::date";
        String delivered = "status = '" + OrderStatus.DELIVERED.value() + "'";
        String figures = "count(*) || ' ' || count(*) FILTER (WHERE " + delivered + ") || ' ' "
                + "|| coalesce(sum(total_amount) FILTER (WHERE " + delivered + "), 0)::numeric(16, 2)";
        String rows = "orders || ' ' || delivered_count || ' ' || delivered_revenue::numeric(16, 2) FROM analytics_daily "
                + "WHERE orders > 0 AND dimension = '";
        compareAnalytics("restaurant day",
                figures(write, "SELECT restaurant_id || ' ' || " + day + ", " + figures + " FROM orders GROUP BY restaurant_id, " + day),
                figures(read, "SELECT dimension_id || ' ' || day, " + rows + AnalyticsKey.RESTAURANT + "'"), drift);
        compareAnalytics("all-orders day",
                figures(write, "SELECT " + day + "::text, " + figures + " FROM orders GROUP BY " + day),
                figures(read, "SELECT day::text, " + rows + AnalyticsKey.ALL + "'"), drift);
    }

    private static void compareAnalytics(String kind, Map<String, String> expected, Map<String, String> actual, List<Drift> drift) {
        expected.forEach((key, value) -> {
            if (!value.equals(actual.get(key))) {
                drift.add(new Drift("analytics " + kind + " " + key, "analytics_daily", value, actual.get(key)));
            }
        });
        actual.keySet().stream().filter(k -> !expected.containsKey(k))
                .forEach(k -> drift.add(new Drift("analytics " + kind + " " + k, "analytics_daily", null, actual.get(k))));
    }

    private static Map<String, String> figures(Connection c, String sql) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
