package ge.dms.projection.catalogue;

import ge.dms.projection.catalogue.readstore.ReadStoreCatalogueWriter;
import ge.dms.projection.catalogue.redis.RedisCatalogueWriter;
import ge.dms.projection.source.PartyRow;
import ge.dms.projection.source.ProductRow;

import java.sql.SQLException;

/**
 * The catalogue application's sink: products to Redis (the restaurants' hot list) and the read side (search,
 * admins' lists, fallback); restaurants and drivers to the read side. A failed write throws, so the stream
 * thread is replaced and the record is processed again from the last commit (both writes are only-if-newer).
 */
public final class CatalogueSinks implements CatalogueSink {

    private final RedisCatalogueWriter redis;
    private final ReadStoreCatalogueWriter readStore;

    public CatalogueSinks(RedisCatalogueWriter redis, ReadStoreCatalogueWriter readStore) {
        this.redis = redis;
        this.readStore = readStore;
    }

    @Override
    public void product(ProductRow row) {
        // Read side first: once Redis lists a product, its search and detail fallbacks already have it.
        try {
            readStore.product(row);
        } catch (SQLException e) {
            throw new IllegalStateException("read-side write of product " + row.id() + " failed", e);
        }
        redis.apply(row);
    }

    @Override
    public void party(PartyRow row) {
        try {
            readStore.party(row);
        } catch (SQLException e) {
            throw new IllegalStateException("read-side write of " + row.kind() + " " + row.id() + " failed", e);
        }
    }
}
