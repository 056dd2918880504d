package ge.dms.query.driver;

import ge.dms.http.token.Caller;
import ge.dms.query.http.ViewResponse;
import ge.dms.query.http.ViewResponse.Source;
import ge.dms.query.infra.Redis;
import ge.dms.query.infra.Redis.RedisUnavailableException;
import ge.dms.query.infra.RedisGateway;
import ge.dms.query.infra.ViewJson;
import ge.dms.query.order.ReadStoreOrders;
import ge.dms.query.order.RedisOrders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;

/**
 * {@code GET /api/drivers/{id}/deliveries}: the driver's active queue (confirmed … out for delivery),
 * soonest requested delivery first. A driver holds a handful of active orders, so the whole queue
 * is one answer (no cursor).
 */
@Controller("/api/drivers")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DeliveriesController {

    private final RedisOrders redis;
    private final RedisGateway gateway;
    private final ReadStoreOrders readStore;

    public DeliveriesController(RedisOrders redis, RedisGateway gateway, ReadStoreOrders readStore) {
        this.redis = redis;
        this.gateway = gateway;
        this.readStore = readStore;
    }

    @Get("/{id:[0-9]+}/deliveries")
    public HttpResponse<String> deliveries(@PathVariable long id, @RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        caller.requireDriver(id);
        try {
            List<Long> ids = Redis.await(redis.commands().zrange(gateway.keys().driverActive(id), 0, -1), redis.timeout())
                    .stream().map(Long::parseLong).toList();
            List<String> views = redis.views(ids);
            return ViewResponse.ok(ViewJson.page(views, null), Source.REDIS, ViewJson.newest(views), false);
        } catch (RedisUnavailableException e) {
            ReadStoreOrders.Page page = readStore.driverQueue(id);
            return ViewResponse.ok(ViewJson.page(page.views(), null), Source.READ_STORE_FALLBACK, page.newest(), false);
        }
    }
}
