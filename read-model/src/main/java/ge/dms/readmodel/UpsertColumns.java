package ge.dms.readmodel;

import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns an {@code INSERT ... ON CONFLICT} writes, in statement order, and typed rows of their values.
 * A writer builds its upsert once from {@link #placeholders()} and binds each row's {@link Row#values()} to it
 * (jOOQ's {@code batch(query).bind(...)}: one prepared statement, one JDBC batch, no per-row rendering). Values
 * are set by column, so their order cannot slip from the statement's, and a row with a column left unset fails
 * instead of binding null.
 */
public final class UpsertColumns<R extends org.jooq.Record> {

    private final Table<R> table;
    private final List<TableField<R, ?>> fields;
    private final Map<Field<?>, Integer> index = new IdentityHashMap<>();

    private UpsertColumns(Table<R> table, List<TableField<R, ?>> fields) {
        this.table = table;
        this.fields = fields;
        for (int i = 0; i < fields.size(); i++) {
            index.put(fields.get(i), i);
        }
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only copied into an immutable list
    public static <R extends org.jooq.Record> UpsertColumns<R> of(Table<R> table, TableField<R, ?>... fields) {
        return new UpsertColumns<>(table, List.of(fields));
    }

    public Table<R> table() {
        return table;
    }

    public List<TableField<R, ?>> fields() {
        return fields;
    }

    /** One typed bind variable per column, for a statement whose rows are bound later. */
    public List<Field<?>> placeholders() {
        return fields.stream().<Field<?>>map(f -> DSL.val(null, f)).toList();
    }

    /** {@code column = EXCLUDED.column} for every column but those given (the conflict keys, any set otherwise). */
    public Map<Field<?>, Field<?>> excludedExcept(Field<?>... columns) {
        List<Field<?>> skip = Arrays.asList(columns);
        Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
        for (TableField<R, ?> f : fields) {
            if (skip.stream().noneMatch(k -> k == f)) {
                set.put(f, DSL.excluded(f));
            }
        }
        return set;
    }

    public Row row() {
        return new Row();
    }

    /** One row's values, set by column. */
    public final class Row {

        private final Object[] values = new Object[fields.size()];
        private final boolean[] set = new boolean[fields.size()];

        private Row() {
        }

        public <T> Row set(TableField<R, T> column, T value) {
            Integer i = index.get(column);
            if (i == null) {
                throw new IllegalArgumentException(column + " is not a column of this upsert");
            }
            values[i] = value;
            set[i] = true;
            return this;
        }

        /** The values in statement order. */
        public Object[] values() {
            for (int i = 0; i < set.length; i++) {
                if (!set[i]) {
                    throw new IllegalStateException("no value for " + fields.get(i));
                }
            }
            return values;
        }
    }
}
