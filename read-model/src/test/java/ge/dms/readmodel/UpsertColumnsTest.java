package ge.dms.readmodel;

import ge.dms.readmodel.jooq.tables.records.OrderHistoryRecord;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import static ge.dms.readmodel.jooq.Tables.ORDER_HISTORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpsertColumnsTest {

    private static final UpsertColumns<OrderHistoryRecord> COLUMNS = UpsertColumns.of(ORDER_HISTORY,
            ORDER_HISTORY.CHANGE_ID, ORDER_HISTORY.TO_STATUS, ORDER_HISTORY.SOURCE_LSN);

    @Test
    void shouldGiveTheValuesInStatementOrderWhateverOrderTheyWereSetIn() {
        Object[] values = COLUMNS.row()
                .set(ORDER_HISTORY.SOURCE_LSN, 7L)
                .set(ORDER_HISTORY.CHANGE_ID, 1L)
                .set(ORDER_HISTORY.TO_STATUS, "ready")
                .values();
        assertThat(values).containsExactly(1L, "ready", 7L);
    }

    @Test
    void shouldKeepAnExplicitNull() {
        Object[] values = COLUMNS.row().set(ORDER_HISTORY.CHANGE_ID, 1L).set(ORDER_HISTORY.TO_STATUS, null)
                .set(ORDER_HISTORY.SOURCE_LSN, 7L).values();
        assertThat(values).containsExactly(1L, null, 7L);
    }

    @Test
    void shouldRefuseARowWithAColumnLeftUnset() {
        var row = COLUMNS.row().set(ORDER_HISTORY.CHANGE_ID, 1L).set(ORDER_HISTORY.SOURCE_LSN, 7L);
        assertThatThrownBy(row::values).isInstanceOf(IllegalStateException.class).hasMessageContaining("to_status");
    }

    @Test
    void shouldRefuseAColumnTheUpsertDoesNotWrite() {
        assertThatThrownBy(() -> COLUMNS.row().set(ORDER_HISTORY.REASON, "late"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
    }

    @Test
    void shouldSetEveryColumnButTheGivenOnesFromExcluded() {
        String sql = DSL.using(SQLDialect.POSTGRES, ReadSideSql.SETTINGS)
                .insertInto(ORDER_HISTORY, COLUMNS.fields()).values(COLUMNS.placeholders())
                .onConflict(ORDER_HISTORY.CHANGE_ID).doUpdate().set(COLUMNS.excludedExcept(ORDER_HISTORY.CHANGE_ID))
                .getSQL();
        assertThat(sql).endsWith("do update set to_status = excluded.to_status, source_lsn = excluded.source_lsn")
                .contains("values (?, ?, ?)");
    }
}
