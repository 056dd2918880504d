package ge.dms.projection;

import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.cdc.Op;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Change events shaped like cdc-pipeline's, for topology tests and ITs. LSNs grow with every call. */
public final class TestData {

    public static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    private long lsn = 1000;
    private long tx = 1;

    public long nextLsn() {
        return lsn += 10;
    }

    public String nextTx() {
        return "tx-" + (tx++);
    }

    public ChangeEvent order(long id, long version, String status, long restaurantId, Long driverId, int itemCount) {
        return orderAt(id, version, status, restaurantId, driverId, itemCount, nextLsn());
    }

    public ChangeEvent orderAt(long id, long version, String status, long restaurantId, Long driverId, int itemCount, long atLsn) {
        Map<String, Object> row = orderRow(id, version, status, restaurantId, driverId, itemCount);
        return event(version == 1 ? Op.CREATE : Op.UPDATE, "orders", id, row, atLsn);
    }

    /** The order row as the request {@code requestId} wrote it (its {@code request_id} column). */
    public ChangeEvent orderBy(String requestId, long id, long version, String status, long restaurantId, Long driverId, int itemCount) {
        Map<String, Object> row = orderRow(id, version, status, restaurantId, driverId, itemCount);
        row.put("request_id", requestId);
        return event(version == 1 ? Op.CREATE : Op.UPDATE, "orders", id, row, nextLsn());
    }

    public static Map<String, Object> orderRow(long id, long version, String status, long restaurantId, Long driverId, int itemCount) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("reference", "ORD-2026-%06d".formatted(id));
        row.put("restaurant_id", restaurantId);
        row.put("driver_id", driverId);
        row.put("status", status);
        row.put("delivery_address", "რუსთაველის გამზირი 1, თბილისი");
        row.put("requested_delivery_at", T0.plusSeconds(3600).toString());
        row.put("notes", null);
        row.put("total_amount", "25.50");
        row.put("item_count", itemCount);
        row.put("version", version);
        row.put("created_at", T0.toString());
        row.put("updated_at", T0.plusSeconds(version).toString());
        row.put("confirmed_at", version >= 2 ? T0.plusSeconds(60).toString() : null);
        row.put("ready_at", null);
        row.put("picked_up_at", "out_for_delivery".equals(status) || "delivered".equals(status) ? T0.plusSeconds(1200).toString() : null);
        row.put("delivered_at", "delivered".equals(status) ? T0.plusSeconds(3000).toString() : null);
        row.put("cancelled_at", "cancelled".equals(status) ? T0.plusSeconds(300).toString() : null);
        row.put("some_future_column", "ignored");
        return row;
    }

    public ChangeEvent item(long id, long orderId, String productName) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("order_id", orderId);
        row.put("product_id", 500 + id);
        row.put("product_name", productName);
        row.put("unit_price", "8.50");
        row.put("quantity", "1");
        row.put("line_total", "8.50");
        return event(Op.CREATE, "order_items", id, row, nextLsn());
    }

    public ChangeEvent restaurant(long id, String name) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("name", name);
        row.put("address", "ჭავჭავაძის 10");
        row.put("city", "თბილისი");
        row.put("phone", "+995555000" + id);
        row.put("active", true);
        return event(Op.CREATE, "restaurants", id, row, nextLsn());
    }

    public ChangeEvent driver(long id, String name) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("name", name);
        row.put("phone", "+995599000" + id);
        row.put("vehicle", "van");
        row.put("active", true);
        return event(Op.CREATE, "drivers", id, row, nextLsn());
    }

    public ChangeEvent statusChange(long id, long orderId, String from, String to) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("order_id", orderId);
        row.put("from_status", from);
        row.put("to_status", to);
        row.put("changed_at", T0.plusSeconds(id * 60).toString());
        row.put("actor_role", "admin");
        row.put("actor_id", "1");
        row.put("reason", "cancelled".equals(to) ? "restaurant closed" : null);
        return event(Op.CREATE, "order_status_changes", id, row, nextLsn());
    }

    public ChangeEvent product(long id, String name, String category, boolean active) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("sku", "SKU-" + id);
        row.put("name", name);
        row.put("description", null);
        row.put("category", category);
        row.put("unit", "kg");
        row.put("price", "12.50");
        row.put("active", active);
        row.put("updated_by_role", "admin");
        row.put("updated_by_id", null);
        row.put("updated_at", T0.toString());
        return event(Op.UPDATE, "products", id, row, nextLsn());
    }

    private ChangeEvent event(Op op, String table, long id, Map<String, Object> row, long atLsn) {
        return new ChangeEvent(ChangeEvent.VERSION, op, table, id, null, row, atLsn, atLsn / 10, "tx-" + atLsn, 1L,
                T0.plusMillis(atLsn), false);
    }
}
