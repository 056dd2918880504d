package ge.dms.query.party;

import org.jooq.Field;
import org.jooq.Table;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static ge.dms.readmodel.jooq.Tables.DRIVER_VIEW;
import static ge.dms.readmodel.jooq.Tables.RESTAURANT_VIEW;

/**
 * The two party tables (read-model's V5) and the columns each lists, in answer order; a text column's JSON field is
 * its column name.
 */
enum PartyKind {
    RESTAURANT(RESTAURANT_VIEW, RESTAURANT_VIEW.RESTAURANT_ID, "restaurantId",
            List.of(RESTAURANT_VIEW.NAME, RESTAURANT_VIEW.ADDRESS, RESTAURANT_VIEW.CITY, RESTAURANT_VIEW.REGION,
                    RESTAURANT_VIEW.PHONE),
            new Common(RESTAURANT_VIEW.NAME, RESTAURANT_VIEW.ACTIVE, RESTAURANT_VIEW.DELETED, RESTAURANT_VIEW.CREATED_AT,
                    RESTAURANT_VIEW.UPDATED_AT, RESTAURANT_VIEW.UPDATED_BY_ROLE, RESTAURANT_VIEW.UPDATED_BY_ID,
                    RESTAURANT_VIEW.SOURCE_COMMIT_TIME)),
    DRIVER(DRIVER_VIEW, DRIVER_VIEW.DRIVER_ID, "driverId",
            List.of(DRIVER_VIEW.NAME, DRIVER_VIEW.PHONE, DRIVER_VIEW.VEHICLE),
            new Common(DRIVER_VIEW.NAME, DRIVER_VIEW.ACTIVE, DRIVER_VIEW.DELETED, DRIVER_VIEW.CREATED_AT,
                    DRIVER_VIEW.UPDATED_AT, DRIVER_VIEW.UPDATED_BY_ROLE, DRIVER_VIEW.UPDATED_BY_ID,
                    DRIVER_VIEW.SOURCE_COMMIT_TIME));

    final Table<?> table;
    final Field<Long> id;
    final String idField;
    final List<Field<String>> textColumns;
    final Common common;
    /** Every column read, in order: id, the text columns, then the common ones. */
    final List<Field<?>> columns;

    PartyKind(Table<?> table, Field<Long> id, String idField, List<Field<String>> textColumns, Common common) {
        this.table = table;
        this.id = id;
        this.idField = idField;
        this.textColumns = textColumns;
        this.common = common;
        List<Field<?>> read = new ArrayList<>();
        read.add(id);
        read.addAll(textColumns);
        read.addAll(List.of(common.active(), common.createdAt(), common.updatedAt(), common.updatedByRole(),
                common.updatedById(), common.sourceCommitTime()));
        this.columns = List.copyOf(read);
    }

    /** The columns both tables have. */
    record Common(Field<String> name, Field<Boolean> active, Field<Boolean> deleted, Field<OffsetDateTime> createdAt,
                  Field<OffsetDateTime> updatedAt, Field<String> updatedByRole, Field<Long> updatedById,
                  Field<OffsetDateTime> sourceCommitTime) {
    }
}
