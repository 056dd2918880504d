package ge.dms.projection.catalogue.redis;

import ge.dms.projection.redis.LuaScript;
import ge.dms.projection.source.ProductRow;
import ge.dms.schemas.view.ProductView;
import ge.dms.schemas.view.RedisKeys;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Writes the restaurants' catalogue hot list: each product's hash ({@link RedisKeys#product}) and the active
 * products' sorted sets (all, and per category, scored by id), in one Lua script that first compares the held
 * LSN, so replays and duplicates change nothing. A deactivated or deleted product leaves the sets at once.
 * Connection loss and timeouts are retried a few times (logged); anything else is permanent.
 */
public final class RedisCatalogueWriter {

    private final LuaScript script;
    private final RedisKeys keys;

    public RedisCatalogueWriter(StatefulRedisConnection<String, String> connection, RedisKeys keys) {
        this.script = new LuaScript(RedisCatalogueWriter.class, "apply-product.lua", connection.sync());
        this.keys = keys;
    }

    /** Applies the row; false when Redis already held this change or a newer one. */
    public boolean apply(ProductRow row) {
        ProductView view = row.view();
        String category = row.category() == null ? "" : row.category();
        String[] keyArgs = {keys.product(row.id()), keys.activeProducts(), keys.activeProductsInCategory(category)};
        // The held category is known only to Redis: the script fills it into this template.
        String[] args = {Long.toString(row.id()), Long.toString(row.lsn()), category, view.active() ? "1" : "0",
                row.deleted() ? "1" : "0", view.toJson(),
                row.commitTime() == null ? "" : Long.toString(row.commitTime().toEpochMilli()),
                keys.activeProductsInCategory(RedisKeys.CATEGORY)};
        Long applied = script.call(keyArgs, args, "product " + row.id());
        return applied != null && applied == 1L;
    }
}
