package ge.dms.projection.source;

import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.cdc.Op;
import ge.dms.schemas.trace.Correlation;

import java.util.Set;
import ge.dms.schemas.order.OrderStatus;

/** Turns change events into typed rows; tolerant of extra columns, strict about the ones it needs. */
public final class RowParser {

    private RowParser() {
    }

    public static OrderRow order(ChangeEvent event) {
        Columns c = columns(event, "orders");
        String status = c.requiredText("status");
        if (OrderStatus.find(status).isEmpty()) {
            throw new MalformedRecordException("orders.status is unknown: " + status);
        }
        Long itemCount = c.optionalLong("item_count");
        return new OrderRow(c.requiredLong("id"), c.requiredText("reference"), c.requiredLong("restaurant_id"),
                c.optionalLong("driver_id"), status, c.text("delivery_address"), c.instant("requested_delivery_at"),
                c.text("notes"), c.decimal("total_amount"), itemCount == null ? 0 : itemCount.intValue(),
                c.requiredLong("version"), c.instant("created_at"), c.instant("updated_at"), c.instant("confirmed_at"),
                c.instant("ready_at"), c.instant("picked_up_at"), c.instant("delivered_at"), c.instant("cancelled_at"),
                event.lsn(), event.commitTime(), event.op() == Op.DELETE, c.text(Correlation.COLUMN));
    }

    public static ItemRow item(ChangeEvent event) {
        Columns c = columns(event, "order_items");
        return new ItemRow(c.requiredLong("id"), c.requiredLong("order_id"), c.optionalLong("product_id"),
                c.text("product_name"), c.decimal("unit_price"), c.decimal("quantity"), c.decimal("line_total"),
                event.lsn(), event.commitTime(), event.op() == Op.DELETE);
    }

    public static RestaurantRow restaurant(ChangeEvent event) {
        Columns c = columns(event, "restaurants");
        return new RestaurantRow(c.requiredLong("id"), c.text("name"), c.text("address"), c.text("city"),
                c.text("phone"), event.lsn(), event.commitTime());
    }

    public static DriverRow driver(ChangeEvent event) {
        Columns c = columns(event, "drivers");
        return new DriverRow(c.requiredLong("id"), c.text("name"), c.text("phone"), c.text("vehicle"),
                event.lsn(), event.commitTime());
    }

    public static StatusChangeRow statusChange(ChangeEvent event) {
        Columns c = columns(event, "order_status_changes");
        return new StatusChangeRow(c.requiredLong("id"), c.requiredLong("order_id"), c.text("from_status"),
                c.requiredText("to_status"), c.instant("changed_at"), c.text("actor_role"), c.text("actor_id"),
                c.text("reason"), event.lsn());
    }

    /** A {@code products} change for the catalogue; a delete keeps what its old image holds. */
    public static ProductRow product(ChangeEvent event) {
        Columns c = columns(event, "products");
        boolean deleted = event.op() == Op.DELETE;
        return new ProductRow(c.requiredLong("id"), c.text("sku"), c.text("name"), c.text("description"),
                c.text("category"), c.text("unit"), c.decimal("price"), c.bool("active", false) && !deleted,
                c.text("updated_by_role"), c.optionalLong("updated_by_id"), c.instant("updated_at"), event.lsn(),
                event.commitTime(), deleted);
    }

    /** A {@code restaurants} change for the admins' party list (every column, with the editing actor). */
    public static PartyRow restaurantParty(ChangeEvent event) {
        Columns c = columns(event, "restaurants");
        boolean deleted = event.op() == Op.DELETE;
        return new PartyRow(PartyRow.Kind.RESTAURANT, c.requiredLong("id"), c.text("name"), c.text("phone"),
                c.text("address"), c.text("city"), c.text("region"), null, c.bool("active", false) && !deleted,
                c.instant("created_at"), c.instant("updated_at"), c.text("updated_by_role"),
                c.optionalLong("updated_by_id"), event.lsn(), event.commitTime(), deleted);
    }

    /** A {@code drivers} change for the admins' party list. */
    public static PartyRow driverParty(ChangeEvent event) {
        Columns c = columns(event, "drivers");
        boolean deleted = event.op() == Op.DELETE;
        return new PartyRow(PartyRow.Kind.DRIVER, c.requiredLong("id"), c.text("name"), c.text("phone"), null, null,
                null, c.text("vehicle"), c.bool("active", false) && !deleted, c.instant("created_at"),
                c.instant("updated_at"), c.text("updated_by_role"), c.optionalLong("updated_by_id"), event.lsn(),
                event.commitTime(), deleted);
    }

    private static Columns columns(ChangeEvent event, String table) {
        if (event.op() == null) {
            throw new MalformedRecordException(table + ": change has no op");
        }
        if (event.table() != null && !table.equals(event.table())) {
            throw new MalformedRecordException("expected a change of " + table + " but got one of " + event.table());
        }
        return new Columns(table, event.row());
    }
}
