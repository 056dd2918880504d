package ge.dms.readmodel;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * pg_trgm (migration V1) as jOOQ expressions: the {@code %} operator the GIN {@code gin_trgm_ops} indexes
 * serve, and {@code similarity()} for ranking. jOOQ has neither; the generated code leaves the extension's
 * functions out on purpose (ReadModelCodegen).
 */
public final class Trigram {

    private Trigram() {
    }

    /** {@code column % text}: trigram-similar above {@code pg_trgm.similarity_threshold}. */
    public static Condition similar(Field<String> column, String text) {
        return DSL.condition("{0} % {1}", column, DSL.val(text, column));
    }

    /** {@code similarity(column, text)}, 0 to 1. */
    public static Field<Float> similarity(Field<String> column, String text) {
        return DSL.function("similarity", SQLDataType.REAL, column, DSL.val(text, column));
    }
}
