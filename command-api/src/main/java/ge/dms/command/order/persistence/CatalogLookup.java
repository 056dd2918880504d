package ge.dms.command.order.persistence;

import ge.dms.command.persistence.jooq.tables.records.ProductsRecord;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static ge.dms.command.persistence.jooq.Tables.DRIVERS;
import static ge.dms.command.persistence.jooq.Tables.PRODUCTS;
import static ge.dms.command.persistence.jooq.Tables.RESTAURANTS;

/** What placing and assigning need to know about the catalog and the parties, read in the write transaction. */
@Singleton
public class CatalogLookup {

    public Map<Long, ProductsRecord> products(DSLContext tx, Collection<Long> ids) {
        return tx.selectFrom(PRODUCTS).where(PRODUCTS.ID.in(ids)).fetch().stream()
                .collect(Collectors.toMap(ProductsRecord::getId, Function.identity()));
    }

    public boolean activeRestaurant(DSLContext tx, long id) {
        return tx.fetchExists(RESTAURANTS, RESTAURANTS.ID.eq(id).and(RESTAURANTS.ACTIVE));
    }

    public boolean activeDriver(DSLContext tx, long id) {
        return tx.fetchExists(DRIVERS, DRIVERS.ID.eq(id).and(DRIVERS.ACTIVE));
    }
}
