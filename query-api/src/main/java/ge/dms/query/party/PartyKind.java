package ge.dms.query.party;

import java.util.List;

/**
 * The two party tables (projections' V5) and the columns each lists, in answer order: snake_case column,
 * camelCase JSON field.
 */
enum PartyKind {
    RESTAURANT("restaurant_view", "restaurant_id", "restaurantId",
            List.of("name", "address", "city", "region", "phone")),
    DRIVER("driver_view", "driver_id", "driverId", List.of("name", "phone", "vehicle"));

    final String table;
    final String idColumn;
    final String idField;
    final List<String> textColumns;

    PartyKind(String table, String idColumn, String idField, List<String> textColumns) {
        this.table = table;
        this.idColumn = idColumn;
        this.idField = idField;
        this.textColumns = textColumns;
    }

    /** Every column read, in order: id, the text columns, then the common ones. */
    String columns() {
        return idColumn + ", " + String.join(", ", textColumns)
                + ", active, created_at, updated_at, updated_by_role, updated_by_id, source_commit_time";
    }
}
