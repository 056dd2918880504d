package ge.dms.bench.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One analytics question in both forms: the query API's request and the write-side SQL over
 * {@code orders}. Days [from, to) are Asia/Tbilisi days (DOMAIN.md); in SQL they become the
 * instants of those midnights, so an index on {@code created_at} could serve the range.
 *
 * @param restaurantId one restaurant, or null for all
 */
public record KpiRange(LocalDate from, LocalDate to, Long restaurantId) {

    public static final ZoneId TBILISI = ZoneId.of("Asia/Tbilisi");

    /** A delivered order, as the projections count it. */
    static final String DELIVERED = "status = 'delivered' AND delivered_at IS NOT NULL";
    private static final String PICKUP = "greatest(0, floor(extract(epoch FROM delivered_at - picked_up_at)))";
    private static final String CREATED = "greatest(0, floor(extract(epoch FROM delivered_at - created_at)))";

    static final String TOTALS = """
            SELECT count(*), count(*) FILTER (WHERE d), coalesce(sum(total_amount) FILTER (WHERE d), 0),
                   count(*) FILTER (WHERE d AND picked_up_at IS NOT NULL),
                   avg(%1$s) FILTER (WHERE d AND picked_up_at IS NOT NULL),
                   percentile_disc(0.5) WITHIN GROUP (ORDER BY %1$s) FILTER (WHERE d AND picked_up_at IS NOT NULL),
                   percentile_disc(0.9) WITHIN GROUP (ORDER BY %1$s) FILTER (WHERE d AND picked_up_at IS NOT NULL),
                   avg(%2$s) FILTER (WHERE d),
                   percentile_disc(0.5) WITHIN GROUP (ORDER BY %2$s) FILTER (WHERE d),
                   percentile_disc(0.9) WITHIN GROUP (ORDER BY %2$s) FILTER (WHERE d),
                   count(*) FILTER (WHERE d AND delivered_at <= requested_delivery_at)
            FROM (SELECT *, %3$s AS d FROM orders WHERE %4$s) o
            """;
    static final String STATUSES = "SELECT status, count(*) FROM orders WHERE %s GROUP BY status ORDER BY status";
    static final String DAILY = """
            SELECT (created_at AT TIME ZONE 'Asia/Tbilisi')::date AS day,
                   coalesce(sum(total_amount) FILTER (WHERE %s), 0), count(*) FILTER (WHERE %s), count(*)
            FROM orders WHERE %s GROUP BY day ORDER BY day
            """;

    /** The last {@code months} months up to and including today (Tbilisi). */
    public static KpiRange lastMonths(int months, LocalDate today, Long restaurantId) {
        return new KpiRange(today.minusMonths(months), today.plusDays(1), restaurantId);
    }

    public String kpisPath() {
        return "/api/analytics/kpis?" + query();
    }

    public String dailyPath() {
        return "/api/analytics/revenue/daily?" + query();
    }

    public String totalsSql() {
        return TOTALS.formatted(PICKUP, CREATED, DELIVERED, where());
    }

    public String statusesSql() {
        return STATUSES.formatted(where());
    }

    public String dailySql() {
        return DAILY.formatted(DELIVERED, DELIVERED, where());
    }

    /** Values for the range's placeholders (the same in every statement). */
    public List<Object> parameters() {
        List<Object> values = new ArrayList<>();
        values.add(start(from));
        values.add(start(to));
        if (restaurantId != null) {
            values.add(restaurantId);
        }
        return values;
    }

    static OffsetDateTime start(LocalDate day) {
        Instant midnight = day.atStartOfDay(TBILISI).toInstant();
        return midnight.atOffset(ZoneOffset.UTC);
    }

    private String where() {
        return "created_at >= ? AND created_at < ?" + (restaurantId == null ? "" : " AND restaurant_id = ?");
    }

    private String query() {
        return "from=" + from + "&to=" + to + (restaurantId == null ? "" : "&restaurantId=" + restaurantId);
    }
}
