package ge.dms.bench.analytics;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The KPIs of one range, read from the query API's answer or computed by SQL on the write side,
 * in one shape so they can be compared. Delivery-time percentiles: the API gives the histogram
 * bucket's upper bound in minutes (null for the open last bucket), SQL the exact seconds.
 */
record Kpis(long orders, Map<String, Long> statuses, BigDecimal revenue, long delivered, Timing pickup, Timing created,
            long onTime, long eligible) {

    /** Count and mean seconds; p50/p90 as minutes-at-most (API) or exact seconds (SQL). */
    record Timing(long count, BigDecimal meanSeconds, Long p50, Long p90) {
    }

    static Kpis fromApi(JsonNode body) {
        Map<String, Long> statuses = new TreeMap<>();
        body.path("statusDistribution").properties().forEach(e -> {
            if (e.getValue().asLong() != 0) {
                statuses.put(e.getKey(), e.getValue().asLong());
            }
        });
        JsonNode times = body.path("deliveryTime");
        return new Kpis(body.path("orders").asLong(), statuses, new BigDecimal(body.path("revenue").path("total").asText("0")),
                body.path("revenue").path("deliveredOrders").asLong(), apiTiming(times.path("pickupToDelivery")),
                apiTiming(times.path("createdToDelivery")), body.path("onTime").path("onTime").asLong(),
                body.path("onTime").path("eligible").asLong());
    }

    private static Timing apiTiming(JsonNode t) {
        return new Timing(t.path("count").asLong(), t.path("meanSeconds").isNull() ? null : new BigDecimal(t.path("meanSeconds").asText()),
                t.path("p50MinutesAtMost").isNull() ? null : t.path("p50MinutesAtMost").asLong(),
                t.path("p90MinutesAtMost").isNull() ? null : t.path("p90MinutesAtMost").asLong());
    }

    /** The two statements the direct-SQL design ran for this screen, on one connection. */
    static Kpis fromSql(Connection c, KpiRange range) throws SQLException {
        Map<String, Long> statuses = new TreeMap<>();
        try (PreparedStatement ps = prepare(c, range.statusesSql(), range.parameters()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                statuses.put(rs.getString(1), rs.getLong(2));
            }
        }
        try (PreparedStatement ps = prepare(c, range.totalsSql(), range.parameters()); ResultSet rs = ps.executeQuery()) {
            rs.next();
            Timing pickup = new Timing(rs.getLong(4), mean(rs.getBigDecimal(5)), longOrNull(rs, 6), longOrNull(rs, 7));
            Timing created = new Timing(rs.getLong(2), mean(rs.getBigDecimal(8)), longOrNull(rs, 9), longOrNull(rs, 10));
            return new Kpis(rs.getLong(1), statuses, rs.getBigDecimal(3), rs.getLong(2), pickup, created, rs.getLong(11), rs.getLong(2));
        }
    }

    /** Daily revenue rows by SQL: {day -> [revenue, delivered, orders]} as strings, for comparison with the API's days. */
    static Map<String, List<String>> dailyFromSql(Connection c, KpiRange range) throws SQLException {
        Map<String, List<String>> days = new TreeMap<>();
        try (PreparedStatement ps = prepare(c, range.dailySql(), range.parameters()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                days.put(rs.getObject(1, java.time.LocalDate.class).toString(), List.of(
                        rs.getBigDecimal(2).setScale(2, RoundingMode.HALF_UP).toPlainString(), Long.toString(rs.getLong(3)),
                        Long.toString(rs.getLong(4))));
            }
        }
        return days;
    }

    static Map<String, List<String>> dailyFromApi(JsonNode body) {
        Map<String, List<String>> days = new TreeMap<>();
        body.path("days").forEach(d -> {
            if (d.path("orders").asLong() != 0) {
                days.put(d.path("day").asText(), List.of(new BigDecimal(d.path("revenue").asText()).setScale(2, RoundingMode.HALF_UP)
                        .toPlainString(), Long.toString(d.path("deliveredOrders").asLong()), Long.toString(d.path("orders").asLong())));
            }
        });
        return days;
    }

    static PreparedStatement prepare(Connection c, String sql, List<Object> values) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < values.size(); i++) {
            ps.setObject(i + 1, values.get(i));
        }
        return ps;
    }

    private static BigDecimal mean(BigDecimal value) {
        return value == null ? null : value.setScale(1, RoundingMode.HALF_UP);
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
