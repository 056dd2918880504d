package ge.dms.query.analytics;

import ge.dms.http.token.Caller;
import ge.dms.query.http.ApiException;
import ge.dms.query.http.Params;

import org.jooq.Condition;

import java.time.LocalDate;

import static ge.dms.readmodel.jooq.Tables.ANALYTICS_DAILY;

/**
 * Which {@code analytics_daily} rows an analytics request sums: a dimension and optionally one id,
 * and days [from, to) in Asia/Tbilisi. One restaurant or one driver reads its own rows; everything
 * (no id) reads the {@value #ALL} rows, one a day over every order (the projections' third
 * dimension), so six months are ~184 rows instead of every restaurant's days. Restaurants and
 * drivers see only their own.
 */
public record AnalyticsScope(String dimension, Long id, LocalDate from, LocalDate to) {

    static final int MAX_DAYS = 400;
    static final String RESTAURANT = "restaurant";
    static final String DRIVER = "driver";
    /** The projections' all-orders dimension ({@code AnalyticsKey.ALL}); its rows carry dimension_id 0. */
    static final String ALL = "all";

    public static AnalyticsScope of(Caller caller, String fromText, String toText, String restaurantText, String driverText) {
        LocalDate today = LocalDate.now(Params.DAY_ZONE);
        LocalDate to = Params.day("to", toText, today.plusDays(1));
        LocalDate from = Params.day("from", fromText, to.minusDays(30));
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("from", "from must be before to");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ApiException.badRequest("to", "a range may cover at most " + MAX_DAYS + " days");
        }
        Long restaurantId = Params.optionalId("restaurantId", restaurantText);
        Long driverId = Params.optionalId("driverId", driverText);
        if (restaurantId != null && driverId != null) {
            throw ApiException.badRequest("driverId", "give restaurantId or driverId, not both");
        }
        switch (caller.role()) {
            case RESTAURANT -> {
                if (driverId != null || (restaurantId != null && !restaurantId.equals(caller.id()))) {
                    throw ApiException.forbidden("a restaurant sees only its own analytics");
                }
                restaurantId = caller.id();
            }
            case DRIVER -> {
                if (restaurantId != null || (driverId != null && !driverId.equals(caller.id()))) {
                    throw ApiException.forbidden("a driver sees only their own analytics");
                }
                driverId = caller.id();
            }
            case ADMIN -> { }
        }
        if (driverId != null) {
            return new AnalyticsScope(DRIVER, driverId, from, to);
        }
        return restaurantId != null ? new AnalyticsScope(RESTAURANT, restaurantId, from, to) : new AnalyticsScope(ALL, null, from, to);
    }

    /** The answer's field naming the scope: {@code driverId}, or {@code restaurantId} (null for all restaurants). */
    String idField() {
        return DRIVER.equals(dimension) ? "driverId" : "restaurantId";
    }

    /** The scope's rows: {@code dimension = ? AND day >= ? AND day < ?}, and {@code dimension_id = ?} for one id. */
    Condition condition() {
        Condition days = ANALYTICS_DAILY.DIMENSION.eq(dimension).and(ANALYTICS_DAILY.DAY.ge(from)).and(ANALYTICS_DAILY.DAY.lt(to));
        return id == null ? days : days.and(ANALYTICS_DAILY.DIMENSION_ID.eq(id));
    }
}
