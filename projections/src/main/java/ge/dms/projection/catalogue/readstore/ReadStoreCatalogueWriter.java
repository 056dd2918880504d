package ge.dms.projection.catalogue.readstore;

import ge.dms.projection.readstore.ReadStore;
import ge.dms.projection.readstore.ReusedConnection;
import ge.dms.projection.source.PartyRow;
import ge.dms.projection.source.ProductRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static ge.dms.projection.readstore.SqlValues.setLong;
import static ge.dms.projection.readstore.SqlValues.setTime;

/**
 * Writes {@code product_view}, {@code restaurant_view} and {@code driver_view} (migration V5): one upsert per
 * change that replaces a row only when the change's LSN is higher, so replays and duplicates are harmless.
 * A delete leaves a tombstone row ({@code deleted}) holding its LSN. One connection, used by one stream thread.
 */
public final class ReadStoreCatalogueWriter implements AutoCloseable {

    private static final String UPSERT_PRODUCT = """
            INSERT INTO product_view (product_id, sku, name, description, category, unit, price, active, deleted,
                updated_by_role, updated_by_id, updated_at, source_lsn, source_commit_time, view, applied_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, now())
            ON CONFLICT (product_id) DO UPDATE SET sku = EXCLUDED.sku, name = EXCLUDED.name,
                description = EXCLUDED.description, category = EXCLUDED.category, unit = EXCLUDED.unit,
                price = EXCLUDED.price, active = EXCLUDED.active, deleted = EXCLUDED.deleted,
                updated_by_role = EXCLUDED.updated_by_role, updated_by_id = EXCLUDED.updated_by_id,
                updated_at = EXCLUDED.updated_at, source_lsn = EXCLUDED.source_lsn,
                source_commit_time = EXCLUDED.source_commit_time, view = EXCLUDED.view, applied_at = now()
            WHERE EXCLUDED.source_lsn > product_view.source_lsn
            """;
    private static final String UPSERT_RESTAURANT = """
            INSERT INTO restaurant_view (restaurant_id, name, phone, address, city, region, active, deleted, created_at,
                updated_at, updated_by_role, updated_by_id, source_lsn, source_commit_time, applied_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (restaurant_id) DO UPDATE SET name = EXCLUDED.name, phone = EXCLUDED.phone,
                address = EXCLUDED.address, city = EXCLUDED.city, region = EXCLUDED.region, active = EXCLUDED.active,
                deleted = EXCLUDED.deleted, created_at = COALESCE(EXCLUDED.created_at, restaurant_view.created_at),
                updated_at = EXCLUDED.updated_at, updated_by_role = EXCLUDED.updated_by_role,
                updated_by_id = EXCLUDED.updated_by_id, source_lsn = EXCLUDED.source_lsn,
                source_commit_time = EXCLUDED.source_commit_time, applied_at = now()
            WHERE EXCLUDED.source_lsn > restaurant_view.source_lsn
            """;
    private static final String UPSERT_DRIVER = """
            INSERT INTO driver_view (driver_id, name, phone, vehicle, active, deleted, created_at, updated_at,
                updated_by_role, updated_by_id, source_lsn, source_commit_time, applied_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (driver_id) DO UPDATE SET name = EXCLUDED.name, phone = EXCLUDED.phone,
                vehicle = EXCLUDED.vehicle, active = EXCLUDED.active, deleted = EXCLUDED.deleted,
                created_at = COALESCE(EXCLUDED.created_at, driver_view.created_at), updated_at = EXCLUDED.updated_at,
                updated_by_role = EXCLUDED.updated_by_role, updated_by_id = EXCLUDED.updated_by_id,
                source_lsn = EXCLUDED.source_lsn, source_commit_time = EXCLUDED.source_commit_time, applied_at = now()
            WHERE EXCLUDED.source_lsn > driver_view.source_lsn
            """;

    private final ReusedConnection connection;

    public ReadStoreCatalogueWriter(ReadStore store) {
        this.connection = new ReusedConnection(store);
    }

    /** Applies the product change; false when the table held this change or a newer one. */
    public boolean product(ProductRow row) throws SQLException {
        return run(UPSERT_PRODUCT, ps -> {
            int i = 1;
            ps.setLong(i++, row.id());
            ps.setString(i++, row.sku());
            ps.setString(i++, row.name());
            ps.setString(i++, row.description());
            ps.setString(i++, row.category());
            ps.setString(i++, row.unit());
            ps.setBigDecimal(i++, row.price());
            ps.setBoolean(i++, row.active() && !row.deleted());
            ps.setBoolean(i++, row.deleted());
            ps.setString(i++, row.updatedByRole());
            setLong(ps, i++, row.updatedById());
            setTime(ps, i++, row.updatedAt());
            ps.setLong(i++, row.lsn());
            setTime(ps, i++, row.commitTime());
            ps.setString(i, row.view().toJson());
        });
    }

    /** Applies the restaurant or driver change; false when the table held this change or a newer one. */
    public boolean party(PartyRow row) throws SQLException {
        boolean restaurant = row.kind() == PartyRow.Kind.RESTAURANT;
        return run(restaurant ? UPSERT_RESTAURANT : UPSERT_DRIVER, ps -> {
            int i = 1;
            ps.setLong(i++, row.id());
            ps.setString(i++, row.name());
            ps.setString(i++, row.phone());
            if (restaurant) {
                ps.setString(i++, row.address());
                ps.setString(i++, row.city());
                ps.setString(i++, row.region());
            } else {
                ps.setString(i++, row.vehicle());
            }
            ps.setBoolean(i++, row.active() && !row.deleted());
            ps.setBoolean(i++, row.deleted());
            setTime(ps, i++, row.createdAt());
            setTime(ps, i++, row.updatedAt());
            ps.setString(i++, row.updatedByRole());
            setLong(ps, i++, row.updatedById());
            ps.setLong(i++, row.lsn());
            setTime(ps, i, row.commitTime());
        });
    }

    private boolean run(String sql, Binder binder) throws SQLException {
        Connection c = connection.get();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            int updated = ps.executeUpdate();
            c.commit();
            return updated > 0;
        } catch (SQLException | RuntimeException e) {
            connection.discard();
            throw e;
        }
    }



    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @Override
    public void close() {
        connection.close();
    }
}
