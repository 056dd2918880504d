package ge.dms.projection.catalogue.readstore;

import ge.dms.projection.readstore.ReadStore;
import ge.dms.projection.readstore.ReusedConnection;
import ge.dms.projection.source.PartyRow;
import ge.dms.projection.source.ProductRow;
import ge.dms.readmodel.ReadSideSql;
import ge.dms.readmodel.UpsertColumns;
import ge.dms.readmodel.jooq.tables.records.DriverViewRecord;
import ge.dms.readmodel.jooq.tables.records.ProductViewRecord;
import ge.dms.readmodel.jooq.tables.records.RestaurantViewRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Query;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

import static ge.dms.projection.readstore.ReadSideValues.time;
import static ge.dms.readmodel.jooq.Tables.DRIVER_VIEW;
import static ge.dms.readmodel.jooq.Tables.PRODUCT_VIEW;
import static ge.dms.readmodel.jooq.Tables.RESTAURANT_VIEW;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.excluded;

/**
 * Writes {@code product_view}, {@code restaurant_view} and {@code driver_view} (migration V5): one upsert per
 * change that replaces a row only when the change's LSN is higher, so replays and duplicates are harmless.
 * A delete leaves a tombstone row ({@code deleted}) holding its LSN. One connection, used by one stream thread.
 * Every upsert leaves {@code applied_at} to its default (now()) on insert and sets it on update.
 */
public final class ReadStoreCatalogueWriter implements AutoCloseable {

    private static final UpsertColumns<ProductViewRecord> PRODUCT = UpsertColumns.of(PRODUCT_VIEW,
            PRODUCT_VIEW.PRODUCT_ID, PRODUCT_VIEW.SKU, PRODUCT_VIEW.NAME, PRODUCT_VIEW.DESCRIPTION, PRODUCT_VIEW.CATEGORY,
            PRODUCT_VIEW.UNIT, PRODUCT_VIEW.PRICE, PRODUCT_VIEW.ACTIVE, PRODUCT_VIEW.DELETED, PRODUCT_VIEW.UPDATED_BY_ROLE,
            PRODUCT_VIEW.UPDATED_BY_ID, PRODUCT_VIEW.UPDATED_AT, PRODUCT_VIEW.SOURCE_LSN, PRODUCT_VIEW.SOURCE_COMMIT_TIME,
            PRODUCT_VIEW.VIEW);
    private static final UpsertColumns<RestaurantViewRecord> RESTAURANT = UpsertColumns.of(RESTAURANT_VIEW,
            RESTAURANT_VIEW.RESTAURANT_ID, RESTAURANT_VIEW.NAME, RESTAURANT_VIEW.PHONE, RESTAURANT_VIEW.ADDRESS,
            RESTAURANT_VIEW.CITY, RESTAURANT_VIEW.REGION, RESTAURANT_VIEW.ACTIVE, RESTAURANT_VIEW.DELETED,
            RESTAURANT_VIEW.CREATED_AT, RESTAURANT_VIEW.UPDATED_AT, RESTAURANT_VIEW.UPDATED_BY_ROLE,
            RESTAURANT_VIEW.UPDATED_BY_ID, RESTAURANT_VIEW.SOURCE_LSN, RESTAURANT_VIEW.SOURCE_COMMIT_TIME);
    private static final UpsertColumns<DriverViewRecord> DRIVER = UpsertColumns.of(DRIVER_VIEW,
            DRIVER_VIEW.DRIVER_ID, DRIVER_VIEW.NAME, DRIVER_VIEW.PHONE, DRIVER_VIEW.VEHICLE, DRIVER_VIEW.ACTIVE,
            DRIVER_VIEW.DELETED, DRIVER_VIEW.CREATED_AT, DRIVER_VIEW.UPDATED_AT, DRIVER_VIEW.UPDATED_BY_ROLE,
            DRIVER_VIEW.UPDATED_BY_ID, DRIVER_VIEW.SOURCE_LSN, DRIVER_VIEW.SOURCE_COMMIT_TIME);

    private final ReusedConnection connection;

    public ReadStoreCatalogueWriter(ReadStore store) {
        this.connection = new ReusedConnection(store);
    }

    /** Applies the product change; false when the table held this change or a newer one. */
    public boolean product(ProductRow row) throws SQLException {
        return run(sql -> sql.insertInto(PRODUCT_VIEW, PRODUCT.fields()).values(PRODUCT.row()
                        .set(PRODUCT_VIEW.PRODUCT_ID, row.id())
                        .set(PRODUCT_VIEW.SKU, row.sku())
                        .set(PRODUCT_VIEW.NAME, row.name())
                        .set(PRODUCT_VIEW.DESCRIPTION, row.description())
                        .set(PRODUCT_VIEW.CATEGORY, row.category())
                        .set(PRODUCT_VIEW.UNIT, row.unit())
                        .set(PRODUCT_VIEW.PRICE, row.price())
                        .set(PRODUCT_VIEW.ACTIVE, row.active() && !row.deleted())
                        .set(PRODUCT_VIEW.DELETED, row.deleted())
                        .set(PRODUCT_VIEW.UPDATED_BY_ROLE, row.updatedByRole())
                        .set(PRODUCT_VIEW.UPDATED_BY_ID, row.updatedById())
                        .set(PRODUCT_VIEW.UPDATED_AT, time(row.updatedAt()))
                        .set(PRODUCT_VIEW.SOURCE_LSN, row.lsn())
                        .set(PRODUCT_VIEW.SOURCE_COMMIT_TIME, time(row.commitTime()))
                        .set(PRODUCT_VIEW.VIEW, JSONB.valueOf(row.view().toJson()))
                        .values())
                .onConflict(PRODUCT_VIEW.PRODUCT_ID).doUpdate()
                .set(PRODUCT.excludedExcept(PRODUCT_VIEW.PRODUCT_ID))
                .set(PRODUCT_VIEW.APPLIED_AT, ReadSideSql.NOW)
                .where(excluded(PRODUCT_VIEW.SOURCE_LSN).gt(PRODUCT_VIEW.SOURCE_LSN)));
    }

    /** Applies the restaurant or driver change; false when the table held this change or a newer one. */
    public boolean party(PartyRow row) throws SQLException {
        return run(row.kind() == PartyRow.Kind.RESTAURANT ? sql -> restaurant(sql, row) : sql -> driver(sql, row));
    }

    /** A change without a creation time (a delete's tombstone) keeps the one held. */
    private static Query restaurant(DSLContext sql, PartyRow row) {
        return sql.insertInto(RESTAURANT_VIEW, RESTAURANT.fields()).values(RESTAURANT.row()
                        .set(RESTAURANT_VIEW.RESTAURANT_ID, row.id())
                        .set(RESTAURANT_VIEW.NAME, row.name())
                        .set(RESTAURANT_VIEW.PHONE, row.phone())
                        .set(RESTAURANT_VIEW.ADDRESS, row.address())
                        .set(RESTAURANT_VIEW.CITY, row.city())
                        .set(RESTAURANT_VIEW.REGION, row.region())
                        .set(RESTAURANT_VIEW.ACTIVE, row.active() && !row.deleted())
                        .set(RESTAURANT_VIEW.DELETED, row.deleted())
                        .set(RESTAURANT_VIEW.CREATED_AT, time(row.createdAt()))
                        .set(RESTAURANT_VIEW.UPDATED_AT, time(row.updatedAt()))
                        .set(RESTAURANT_VIEW.UPDATED_BY_ROLE, row.updatedByRole())
                        .set(RESTAURANT_VIEW.UPDATED_BY_ID, row.updatedById())
                        .set(RESTAURANT_VIEW.SOURCE_LSN, row.lsn())
                        .set(RESTAURANT_VIEW.SOURCE_COMMIT_TIME, time(row.commitTime()))
                        .values())
                .onConflict(RESTAURANT_VIEW.RESTAURANT_ID).doUpdate()
                .set(RESTAURANT.excludedExcept(RESTAURANT_VIEW.RESTAURANT_ID, RESTAURANT_VIEW.CREATED_AT))
                .set(RESTAURANT_VIEW.CREATED_AT, coalesce(excluded(RESTAURANT_VIEW.CREATED_AT), RESTAURANT_VIEW.CREATED_AT))
                .set(RESTAURANT_VIEW.APPLIED_AT, ReadSideSql.NOW)
                .where(excluded(RESTAURANT_VIEW.SOURCE_LSN).gt(RESTAURANT_VIEW.SOURCE_LSN));
    }

    private static Query driver(DSLContext sql, PartyRow row) {
        return sql.insertInto(DRIVER_VIEW, DRIVER.fields()).values(DRIVER.row()
                        .set(DRIVER_VIEW.DRIVER_ID, row.id())
                        .set(DRIVER_VIEW.NAME, row.name())
                        .set(DRIVER_VIEW.PHONE, row.phone())
                        .set(DRIVER_VIEW.VEHICLE, row.vehicle())
                        .set(DRIVER_VIEW.ACTIVE, row.active() && !row.deleted())
                        .set(DRIVER_VIEW.DELETED, row.deleted())
                        .set(DRIVER_VIEW.CREATED_AT, time(row.createdAt()))
                        .set(DRIVER_VIEW.UPDATED_AT, time(row.updatedAt()))
                        .set(DRIVER_VIEW.UPDATED_BY_ROLE, row.updatedByRole())
                        .set(DRIVER_VIEW.UPDATED_BY_ID, row.updatedById())
                        .set(DRIVER_VIEW.SOURCE_LSN, row.lsn())
                        .set(DRIVER_VIEW.SOURCE_COMMIT_TIME, time(row.commitTime()))
                        .values())
                .onConflict(DRIVER_VIEW.DRIVER_ID).doUpdate()
                .set(DRIVER.excludedExcept(DRIVER_VIEW.DRIVER_ID, DRIVER_VIEW.CREATED_AT))
                .set(DRIVER_VIEW.CREATED_AT, coalesce(excluded(DRIVER_VIEW.CREATED_AT), DRIVER_VIEW.CREATED_AT))
                .set(DRIVER_VIEW.APPLIED_AT, ReadSideSql.NOW)
                .where(excluded(DRIVER_VIEW.SOURCE_LSN).gt(DRIVER_VIEW.SOURCE_LSN));
    }

    private boolean run(Function<DSLContext, Query> upsert) throws SQLException {
        Connection c = connection.get();
        try {
            int updated = upsert.apply(ReadSideSql.using(c)).execute();
            c.commit();
            return updated > 0;
        } catch (DataAccessException e) {
            connection.discard();
            throw ReadSideSql.sqlException(e);
        } catch (SQLException | RuntimeException e) {
            connection.discard();
            throw e;
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
