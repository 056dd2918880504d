package ge.dms.query.analytics;

import ge.dms.http.token.Caller;
import ge.dms.http.token.Role;
import ge.dms.query.http.ApiException;
import ge.dms.query.http.Params;
import ge.dms.query.http.Problems;
import ge.dms.query.http.ViewResponse;
import ge.dms.query.http.ViewResponse.Source;
import ge.dms.query.order.ReadStoreOrders;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/** {@code /api/analytics/*}: KPIs, daily revenue and the CSV export, all from the read side. */
@Controller("/api/analytics")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AnalyticsController {

    private static final MediaType CSV = MediaType.of("text/csv;charset=utf-8");

    private final AnalyticsQueries queries;
    private final CsvExport export;

    public AnalyticsController(AnalyticsQueries queries, CsvExport export) {
        this.queries = queries;
        this.export = export;
    }

    @Get("/kpis")
    public HttpResponse<String> kpis(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @Nullable @QueryValue String from,
                                     @Nullable @QueryValue String to, @Nullable @QueryValue String restaurantId,
                                     @Nullable @QueryValue String driverId) {
        AnalyticsQueries.Result r = queries.kpis(AnalyticsScope.of(caller, from, to, restaurantId, driverId));
        return ViewResponse.ok(Problems.json(r.body()), Source.READ_STORE, r.updated(), false);
    }

    @Get("/revenue/daily")
    public HttpResponse<String> daily(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @Nullable @QueryValue String from,
                                      @Nullable @QueryValue String to, @Nullable @QueryValue String restaurantId) {
        AnalyticsQueries.Result r = queries.dailyRevenue(AnalyticsScope.of(caller, from, to, restaurantId, null));
        return ViewResponse.ok(Problems.json(r.body()), Source.READ_STORE, r.updated(), false);
    }

    /** Admins export everything; a restaurant exports its own orders. from/to required: ISO instants or days. */
    @Get("/orders.csv")
    public HttpResponse<StreamedFile> csv(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @Nullable @QueryValue String from,
                                          @Nullable @QueryValue String to) {
        if (caller.role() == Role.DRIVER) {
            throw ApiException.forbidden("drivers cannot export orders");
        }
        Instant start = Params.instant("from", from);
        Instant end = Params.instant("to", to);
        if (start == null || end == null) {
            throw ApiException.badRequest(start == null ? "from" : "to", "from and to are required");
        }
        Params.range(start, end);
        try {
            Instant newest = export.newestChange();
            StreamedFile file = new StreamedFile(export.open(start, end, caller.isAdmin() ? null : caller.id()), CSV);
            String name = "orders-" + LocalDate.ofInstant(start, Params.DAY_ZONE) + ".csv";
            MutableHttpResponse<StreamedFile> response = HttpResponse.ok(file)
                    .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                    .header(ViewResponse.SOURCE, Source.READ_STORE.header());
            if (newest != null) {
                response.header(ViewResponse.AGE, Long.toString(Math.max(0, System.currentTimeMillis() - newest.toEpochMilli())));
            }
            return response;
        } catch (SQLException e) {
            throw ReadStoreOrders.unavailable(e);
        }
    }
}
