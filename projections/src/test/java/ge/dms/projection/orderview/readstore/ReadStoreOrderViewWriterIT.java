package ge.dms.projection.orderview.readstore;

import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.projection.Views;
import ge.dms.projection.analytics.AnalyticsKey;
import ge.dms.projection.analytics.DailyFigures;
import ge.dms.projection.analytics.ReadStoreAnalyticsWriter;
import ge.dms.projection.readstore.ReadStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@WithDevStack
class ReadStoreOrderViewWriterIT {

    private PostgresEndpoint db;
    private ReadStore store;
    private ReadStoreOrderViewWriter writer;

    @BeforeEach
    void migrate(TestNamespace ns) {
        db = ns.readDatabase();
        store = new ReadStore(db.jdbcUrl(), db.user(), db.password());
        store.migrate();
        writer = new ReadStoreOrderViewWriter(store);
    }

    @AfterEach
    void close() {
        writer.close();
    }

    @Test
    void shouldUpsertViewsAndItemsInBatchesApplyingOnlyNewerVersions() throws SQLException {
        writer.write(List.of(Views.view(1, 2, 100, "confirmed", "R", 3L), Views.view(2, 1, 90, "pending", "R", null)));

        int applied = writer.write(List.of(Views.view(1, 1, 50, "pending", "R", null),
                Views.view(2, 2, 120, "confirmed", "R", 4L), Views.view(2, 2, 120, "confirmed", "R", 4L)));

        assertThat(applied).isEqualTo(1);
        assertThat(query("SELECT status || ':' || version FROM order_view ORDER BY order_id"))
                .containsExactly("confirmed:2", "confirmed:2");
        assertThat(query("SELECT count(*) FROM order_view_item")).containsExactly("4");
        assertThat(query("SELECT driver_name FROM order_view WHERE order_id = 2")).containsExactly("Driver 4");
    }

    @Test
    void shouldApplyARenameJoinedAfterALaterOrderChange() throws SQLException {
        var view = Views.view(1, 2, 500, "confirmed", "Old name", null);
        writer.write(List.of(Views.withRestaurantLsn(view, "Old name", 100)));

        assertThat(writer.write(List.of(Views.withRestaurantLsn(view, "New name", 400)))).isEqualTo(1);
        assertThat(writer.write(List.of(Views.withRestaurantLsn(view, "Old name", 100)))).isZero();
        assertThat(query("SELECT restaurant_name FROM order_view")).containsExactly("New name");
    }

    @Test
    void shouldFindOrdersByTrigramSearchOnReferenceAndRestaurantName() throws SQLException {
        writer.write(List.of(Views.view(123, 1, 10, "pending", "ხაჭაპური House", null),
                Views.view(456, 1, 20, "pending", "Pizza Place", null)));

        assertThat(query("SELECT order_id FROM order_view WHERE reference ILIKE '%000123%'")).containsExactly("123");
        assertThat(query("SELECT order_id FROM order_view WHERE restaurant_name % 'ხაჭაპური'")).containsExactly("123");
        assertThat(query("SELECT indexname FROM pg_indexes WHERE tablename = 'order_view' AND indexdef LIKE '%gin_trgm_ops%' ORDER BY 1"))
                .containsExactly("order_view_reference_trgm", "order_view_restaurant_name_trgm");
    }

    @Test
    void shouldUpsertTheWholeAnalyticsRow() throws SQLException {
        try (var analytics = new ReadStoreAnalyticsWriter(store)) {
            var key = new AnalyticsKey(AnalyticsKey.RESTAURANT, 7, LocalDate.parse("2026-11-22"));
            DailyFigures one = DailyFigures.of(Views.view(1, 1, 1, "pending", "R", null));
            analytics.write(key, one);
            analytics.write(key, one.plus(DailyFigures.of(Views.view(2, 1, 1, "confirmed", "R", null))));
        }

        assertThat(query("SELECT orders || ' ' || (status_counts->>'confirmed') || ' ' || array_length(pickup_to_delivery_histogram, 1) FROM analytics_daily"))
                .containsExactly("2 1 19");
    }

    @Test
    void shouldAcceptTheAllOrdersDimension() throws SQLException {
        try (var analytics = new ReadStoreAnalyticsWriter(store)) {
            var key = new AnalyticsKey(AnalyticsKey.ALL, AnalyticsKey.ALL_ID, LocalDate.parse("2026-11-22"));
            analytics.write(key, DailyFigures.of(Views.view(1, 1, 1, "pending", "R", null)));
        }

        assertThat(query("SELECT dimension || ' ' || dimension_id || ' ' || orders FROM analytics_daily")).containsExactly("all 0 1");
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
