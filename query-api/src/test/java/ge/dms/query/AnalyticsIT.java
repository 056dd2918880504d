package ge.dms.query;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.projection.analytics.AnalyticsKey;
import ge.dms.projection.analytics.AnalyticsProjection;
import ge.dms.projection.analytics.DailyFigures;
import ge.dms.projection.analytics.ReadStoreAnalyticsWriter;
import ge.dms.query.support.TestStack;
import ge.dms.schemas.serde.Json;
import ge.dms.schemas.view.OrderView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static ge.dms.query.support.TestStack.token;
import static ge.dms.query.support.TestViews.BASE;
import static ge.dms.query.support.TestViews.view;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * KPIs and daily revenue from the analytics rows (written by the projections' own aggregation and
 * writer) equal plain SQL over the order rows for the same range.
 */
@WithDevStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsIT {

    private TestStack stack;

    @BeforeAll
    void start(Infrastructure infra, TestNamespace ns) {
        String redis = infra.endpoints().redisUrl();
        stack = TestStack.start(ns, redis, redis, Map.of());
        String[] statuses = {"pending", "confirmed", "ready", "delivered", "delivered", "delivered", "cancelled"};
        List<OrderView> views = new ArrayList<>();
        for (long id = 1; id <= 400; id++) {
            String status = statuses[(int) (id % statuses.length)];
            Instant created = BASE.plusSeconds(id * 3 * 3600 + 1234); // across ~50 days, crossing Tbilisi midnights
            boolean delivered = status.equals("delivered");
            Instant picked = delivered ? created.plusSeconds(1800 + id * 37 % 3600) : null;
            // Requested at created + 2 h: some are delivered late.
            Instant deliveredAt = delivered ? picked.plusSeconds(600 + id * 97 % 6000) : null;
            views.add(view(id, 1, status, 91 + id % 3, id % 2 == 0 ? 95L : 96L, created, "რესტორანი", picked, deliveredAt));
        }
        stack.writeReadSide(views);
        // The rows the projection writes: restaurant, driver and all-orders days, keyed as it keys them.
        Map<AnalyticsKey, DailyFigures> rows = new HashMap<>();
        for (OrderView v : views) {
            AnalyticsProjection.keysOf(v).forEach(key -> rows.merge(key, DailyFigures.of(v), DailyFigures::plus));
        }
        try (ReadStoreAnalyticsWriter writer = new ReadStoreAnalyticsWriter(stack.readStore)) {
            rows.forEach(writer::write);
        }
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    @Test
    void shouldMatchSqlOverTheOrdersForOneRestaurant() throws Exception {
        HttpResponse<String> r = stack.get("/api/analytics/kpis?from=2026-11-05&to=2026-12-10&restaurantId=92", token("restaurant", 92L));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Data-Age-Ms")).isPresent();
        JsonNode k = Json.mapper().readTree(r.body());

        Map<String, Object> sql = sqlKpis("restaurant_id = 92", "2026-11-05", "2026-12-10");
        assertThat(k.get("orders").asLong()).isEqualTo(sql.get("orders"));
        assertThat(new BigDecimal(k.get("revenue").get("total").asText())).isEqualByComparingTo((BigDecimal) sql.get("revenue"));
        assertThat(k.get("revenue").get("deliveredOrders").asLong()).isEqualTo(sql.get("delivered"));
        assertThat(k.get("onTime").get("onTime").asLong()).isEqualTo(sql.get("onTime"));
        assertThat(k.get("deliveryTime").get("pickupToDelivery").get("meanSeconds").decimalValue())
                .isEqualByComparingTo((BigDecimal) sql.get("meanPickup"));
        assertThat(Json.mapper().convertValue(k.get("statusDistribution"), Map.class)).isEqualTo(sql.get("statuses"));
    }

    @Test
    void shouldMatchSqlForEverythingAndPerDriver() throws Exception {
        HttpResponse<String> r = stack.get("/api/analytics/kpis?from=2026-11-01&to=2027-01-01", token("admin", null));
        assertThat(r.headers().firstValue("X-Data-Age-Ms")).isPresent();
        JsonNode all = Json.mapper().readTree(r.body());
        assertThat(all.has("restaurantId")).as("the answer's shape is unchanged").isTrue();
        assertThat(all.get("orders").asLong()).isEqualTo(400);
        Map<String, Object> sql = sqlKpis("true", "2026-11-01", "2027-01-01");
        assertThat(new BigDecimal(all.get("revenue").get("total").asText())).isEqualByComparingTo((BigDecimal) sql.get("revenue"));
        assertThat(all.get("revenue").get("deliveredOrders").asLong()).isEqualTo(sql.get("delivered"));
        assertThat(all.get("onTime").get("onTime").asLong()).isEqualTo(sql.get("onTime"));
        assertThat(all.get("deliveryTime").get("pickupToDelivery").get("meanSeconds").decimalValue())
                .isEqualByComparingTo((BigDecimal) sql.get("meanPickup"));
        assertThat(Json.mapper().convertValue(all.get("statusDistribution"), Map.class)).isEqualTo(sql.get("statuses"));

        JsonNode driver = Json.mapper().readTree(stack.get("/api/analytics/kpis?from=2026-11-01&to=2027-01-01", token("driver", 95L)).body());
        assertThat(driver.get("orders").asLong()).isEqualTo(sqlKpis("driver_id = 95", "2026-11-01", "2027-01-01").get("orders"));
    }

    @Test
    void shouldNameTheHistogramBucketsHoldingTheExactPercentiles() throws Exception {
        JsonNode kpis = Json.mapper().readTree(stack.get("/api/analytics/kpis?from=2026-11-01&to=2027-01-01", token("admin", null)).body());
        JsonNode one = Json.mapper().readTree(
                stack.get("/api/analytics/kpis?from=2026-11-01&to=2027-01-01&restaurantId=92", token("admin", null)).body());
        for (String[] p : new String[][] {{"p50MinutesAtMost", "0.5"}, {"p90MinutesAtMost", "0.9"}}) {
            assertThat(kpis.get("deliveryTime").get("pickupToDelivery").get(p[0]).asLong()).as("all " + p[0])
                    .isEqualTo(bucketOf(exactPercentileSeconds("true", "delivered_at - picked_up_at", p[1])));
            assertThat(kpis.get("deliveryTime").get("createdToDelivery").get(p[0]).asLong()).as("all " + p[0])
                    .isEqualTo(bucketOf(exactPercentileSeconds("true", "delivered_at - created_at", p[1])));
            assertThat(one.get("deliveryTime").get("pickupToDelivery").get(p[0]).asLong()).as("restaurant 92 " + p[0])
                    .isEqualTo(bucketOf(exactPercentileSeconds("restaurant_id = 92", "delivered_at - picked_up_at", p[1])));
        }
    }

    @Test
    void shouldAnswerARangeWithoutOrdersWithZerosAndNoPercentiles() throws Exception {
        HttpResponse<String> r = stack.get("/api/analytics/kpis?from=2025-01-01&to=2025-02-01", token("admin", null));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode k = Json.mapper().readTree(r.body());
        assertThat(k.get("orders").asLong()).isZero();
        assertThat(k.get("revenue").get("total").asText()).isEqualTo("0.00");
        assertThat(k.get("statusDistribution").size()).isZero();
        assertThat(k.get("deliveryTime").get("pickupToDelivery").get("p50MinutesAtMost").isNull()).isTrue();
        assertThat(k.get("onTime").get("rate").isNull()).isTrue();
    }

    @Test
    void shouldServeDailyRevenueByTbilisiDay() throws Exception {
        HttpResponse<String> r = stack.get("/api/analytics/revenue/daily?from=2026-11-01&to=2027-01-01", token("admin", null));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, BigDecimal> api = new TreeMap<>();
        Json.mapper().readTree(r.body()).get("days").forEach(d -> api.put(d.get("day").asText(), new BigDecimal(d.get("revenue").asText())));

        Map<String, BigDecimal> sql = new TreeMap<>();
        try (Connection c = stack.readStore.connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT (created_at AT TIME ZONE 'Asia/Tbilisi')::date, coalesce(sum(total_amount) FILTER (WHERE status = 'delivered'), 0)
                FROM order_view GROUP BY 1 ORDER BY 1""")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sql.put(rs.getString(1), rs.getBigDecimal(2));
                }
            }
        }
        assertThat(api.keySet()).isEqualTo(sql.keySet());
        api.forEach((day, revenue) -> assertThat(revenue).as(day).isEqualByComparingTo(sql.get(day)));
    }

    /** Exact percentile_disc of a delivered order's duration in seconds, over the whole range of the data. */
    private long exactPercentileSeconds(String filter, String duration, String q) throws Exception {
        try (Connection c = stack.readStore.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT percentile_disc(" + q + ") WITHIN GROUP (ORDER BY extract(epoch FROM " + duration + ")) "
                        + "FROM order_view WHERE status = 'delivered' AND " + filter);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBigDecimal(1).longValue();
        }
    }

    /** The histogram bucket (upper bound in minutes) a duration falls in, as DailyFigures sorts them. */
    private static long bucketOf(long seconds) {
        return DailyFigures.BUCKET_UPPER_MINUTES.stream().filter(m -> seconds <= m * 60L).findFirst().orElseThrow();
    }

    /** The same figures in plain SQL over the order rows, days in Asia/Tbilisi. */
    private Map<String, Object> sqlKpis(String filter, String from, String to) throws Exception {
        Map<String, Object> out = new HashMap<>();
        String range = " AND (created_at AT TIME ZONE 'Asia/Tbilisi')::date >= '" + from
                + "' AND (created_at AT TIME ZONE 'Asia/Tbilisi')::date < '" + to + "'";
        try (Connection c = stack.readStore.connect()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*), coalesce(sum(total_amount) FILTER (WHERE status = 'delivered'), 0),
                           count(*) FILTER (WHERE status = 'delivered'),
                           count(*) FILTER (WHERE status = 'delivered' AND delivered_at <= requested_delivery_at),
                           round(avg(extract(epoch FROM delivered_at - picked_up_at)) FILTER (WHERE status = 'delivered'), 1)
                    FROM order_view WHERE """ + " " + filter + range)) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.put("orders", rs.getLong(1));
                    out.put("revenue", rs.getBigDecimal(2));
                    out.put("delivered", rs.getLong(3));
                    out.put("onTime", rs.getLong(4));
                    out.put("meanPickup", rs.getBigDecimal(5));
                }
            }
            Map<String, Long> statuses = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT status, count(*) FROM order_view WHERE " + filter + range
                    + " GROUP BY status")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        statuses.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            out.put("statuses", statuses);
        }
        return out;
    }
}
