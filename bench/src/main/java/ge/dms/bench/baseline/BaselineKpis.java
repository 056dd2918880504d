package ge.dms.bench.baseline;

import io.micronaut.context.annotation.Requires;
import ge.dms.bench.analytics.KpiRange;
import ge.dms.bench.analytics.Kpis;
import ge.dms.schemas.serde.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.inject.Singleton;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The KPIs as the old design computed them: the bench's SQL aggregates over the write side's {@code orders}
 * ({@link Kpis#fromSql}: status counts, then totals and exact percentiles) for Tbilisi days [from, to), written in the
 * query API's answer shape. Percentiles: the API names the upper bound (minutes) of the histogram bucket holding
 * them; here the exact value is known, so {@code p50MinutesAtMost} is it rounded up to whole minutes.
 */
@Requires(property = Baseline.ENABLED, value = "true")
@Singleton
public class BaselineKpis {

    private final DataSource writeSide;

    public BaselineKpis(DataSource writeSide) {
        this.writeSide = writeSide;
    }

    String answer(KpiRange range) throws SQLException {
        try (Connection c = writeSide.getConnection()) {
            return json(body(range, Kpis.fromSql(c, range)));
        }
    }

    /** The query API's KPI body ({@code AnalyticsQueries.kpis}), member for member. */
    static Map<String, Object> body(KpiRange range, Kpis k) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", range.from().toString());
        body.put("to", range.to().toString());
        body.put("restaurantId", range.restaurantId());
        body.put("orders", k.orders());
        BigDecimal revenue = k.revenue().setScale(2, RoundingMode.HALF_UP);
        Map<String, Object> money = new LinkedHashMap<>();
        money.put("total", revenue.toPlainString());
        money.put("deliveredOrders", k.delivered());
        money.put("averageOrderValue", k.delivered() == 0 ? "0.00"
                : revenue.divide(BigDecimal.valueOf(k.delivered()), 2, RoundingMode.HALF_UP).toPlainString());
        body.put("revenue", money);
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("pickupToDelivery", timing(k.pickup()));
        times.put("createdToDelivery", timing(k.created()));
        body.put("deliveryTime", times);
        Map<String, Object> onTime = new LinkedHashMap<>();
        onTime.put("onTime", k.onTime());
        onTime.put("eligible", k.eligible());
        onTime.put("rate", k.eligible() == 0 ? null
                : BigDecimal.valueOf(k.onTime()).divide(BigDecimal.valueOf(k.eligible()), 4, RoundingMode.HALF_UP));
        body.put("onTime", onTime);
        body.put("statusDistribution", k.statuses());
        return body;
    }

    private static Map<String, Object> timing(Kpis.Timing t) {
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("count", t.count());
        timing.put("meanSeconds", t.count() == 0 ? null : t.meanSeconds());
        timing.put("p50MinutesAtMost", minutesAtMost(t.p50()));
        timing.put("p90MinutesAtMost", minutesAtMost(t.p90()));
        return timing;
    }

    static Long minutesAtMost(Long seconds) {
        return seconds == null ? null : Math.ceilDiv(seconds, 60L);
    }

    static String json(Map<String, Object> body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
