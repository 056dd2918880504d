package ge.dms.bench.baseline;

import io.micronaut.context.annotation.Requires;
import ge.dms.bench.analytics.KpiRange;
import ge.dms.http.token.AccessDenied;
import ge.dms.http.token.Caller;
import ge.dms.http.token.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.LocalDate;

/**
 * {@code GET /api/analytics/kpis}: the query API's KPI parameters (Tbilisi days [from, to), default the last 30
 * days; at most 400; everything or one restaurant) answered by {@link BaselineKpis}. A driver's KPIs are not
 * part of what the bench compares: {@code driverId} and driver tokens get a problem answer.
 */
@Requires(property = Baseline.ENABLED, value = "true")
@Controller("/api/analytics")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BaselineKpiController {

    static final int MAX_DAYS = 400;

    private final BaselineKpis kpis;

    public BaselineKpiController(BaselineKpis kpis) {
        this.kpis = kpis;
    }

    @Get("/kpis")
    public HttpResponse<String> kpis(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @Nullable @QueryValue String from,
                                     @Nullable @QueryValue String to, @Nullable @QueryValue String restaurantId,
                                     @Nullable @QueryValue String driverId) {
        KpiRange range = range(caller, from, to, restaurantId, driverId, LocalDate.now(BaselineParams.DAY_ZONE));
        return Answers.json(() -> kpis.answer(range));
    }

    static KpiRange range(Caller caller, String fromText, String toText, String restaurantText, String driverText, LocalDate today) {
        LocalDate to = BaselineParams.day("to", toText, today.plusDays(1));
        LocalDate from = BaselineParams.day("from", fromText, to.minusDays(30));
        if (!from.isBefore(to)) {
            throw BaselineProblem.badRequest("from", "from must be before to");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw BaselineProblem.badRequest("to", "a range may cover at most " + MAX_DAYS + " days");
        }
        Long restaurant = BaselineParams.id("restaurantId", restaurantText);
        if (BaselineParams.id("driverId", driverText) != null) {
            throw BaselineProblem.badRequest("driverId", "the baseline answers the KPIs of everything or of one restaurant");
        }
        if (caller.is(Role.DRIVER)) {
            throw new AccessDenied("the baseline answers no driver's KPIs");
        }
        if (caller.is(Role.RESTAURANT)) {
            if (restaurant != null && !restaurant.equals(caller.id())) {
                throw new AccessDenied("a restaurant sees only its own analytics");
            }
            restaurant = caller.id();
        }
        return new KpiRange(from, to, restaurant);
    }
}
