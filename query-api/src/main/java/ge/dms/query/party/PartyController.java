package ge.dms.query.party;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ge.dms.http.token.Caller;
import ge.dms.query.QueryConfig;
import ge.dms.query.http.ApiException;
import ge.dms.query.http.Cursor;
import ge.dms.query.http.ListPage;
import ge.dms.query.http.Params;
import ge.dms.query.http.ViewResponse;
import ge.dms.query.http.ViewResponse.Source;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Instant;
import java.util.List;

/**
 * The admins' party lists and details: {@code GET /api/restaurants}, {@code /api/restaurants/{id}},
 * {@code /api/drivers}, {@code /api/drivers/{id}} ({@code ?q=&active=&cursor=&limit=}, sorted by id), from the
 * read side. Every driver row carries {@code activeLoad} (see {@link DriverLoads}), so the assign picker needs
 * one call: {@code GET /api/drivers?active=true}. A restaurant may read its own detail, a driver its own.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PartyController {

    private final ReadStoreParties parties;
    private final DriverLoads loads;
    private final QueryConfig config;

    public PartyController(ReadStoreParties parties, DriverLoads loads, QueryConfig config) {
        this.parties = parties;
        this.loads = loads;
        this.config = config;
    }

    @Get("/restaurants")
    public HttpResponse<String> restaurants(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @Nullable @QueryValue String q,
                                            @Nullable @QueryValue String active, @Nullable @QueryValue String cursor,
                                            @Nullable @QueryValue Integer limit) {
        caller.requireAdmin();
        ReadStoreParties.Page page = parties.page(PartyKind.RESTAURANT, filter(q, active, cursor, limit));
        return answer("restaurants", page, Source.READ_STORE);
    }

    @Get("/restaurants/{id}")
    public HttpResponse<String> restaurant(@PathVariable String id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        long restaurantId = Params.optionalId("id", id);
        caller.requireRestaurant(restaurantId);
        ObjectNode row = parties.find(PartyKind.RESTAURANT, restaurantId)
                .orElseThrow(() -> ApiException.notFound("no restaurant " + restaurantId));
        return ViewResponse.ok(row.toString(), Source.READ_STORE, commitTime(row), false);
    }

    @Get("/drivers")
    public HttpResponse<String> drivers(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @Nullable @QueryValue String q,
                                        @Nullable @QueryValue String active, @Nullable @QueryValue String cursor,
                                        @Nullable @QueryValue Integer limit) {
        caller.requireAdmin();
        ReadStoreParties.Page page = parties.page(PartyKind.DRIVER, filter(q, active, cursor, limit));
        DriverLoads.Loads found = loads.of(page.rows().stream().map(r -> r.get("driverId").asLong()).toList());
        for (ObjectNode row : page.rows()) {
            row.put("activeLoad", found.byDriver().getOrDefault(row.get("driverId").asLong(), 0L));
        }
        return answer("drivers", page, found.fromRedis() ? Source.READ_STORE : Source.READ_STORE_FALLBACK);
    }

    @Get("/drivers/{id}")
    public HttpResponse<String> driver(@PathVariable String id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        long driverId = Params.optionalId("id", id);
        caller.requireDriver(driverId);
        ObjectNode row = parties.find(PartyKind.DRIVER, driverId)
                .orElseThrow(() -> ApiException.notFound("no driver " + driverId));
        DriverLoads.Loads found = loads.of(List.of(driverId));
        row.put("activeLoad", found.byDriver().getOrDefault(driverId, 0L));
        return ViewResponse.ok(row.toString(), found.fromRedis() ? Source.READ_STORE : Source.READ_STORE_FALLBACK,
                commitTime(row), false);
    }

    private PartyFilter filter(String q, String active, String cursor, Integer limit) {
        String text = Params.text("q", q, 100);
        return new PartyFilter(text, Params.optionalBoolean("active", active), Cursor.decode(cursor),
                Params.limit(limit, config.getDefaultLimit(), config.getMaxLimit()));
    }

    private static HttpResponse<String> answer(String field, ReadStoreParties.Page page, Source source) {
        List<String> rows = page.rows().stream().map(ObjectNode::toString).toList();
        return ViewResponse.ok(new ListPage(rows, page.nextCursor(), page.newest()).json(field), source, page.newest(), false);
    }

    private static Instant commitTime(ObjectNode row) {
        return row.get("sourceCommitTime").isNull() ? null : Instant.parse(row.get("sourceCommitTime").asText());
    }
}
