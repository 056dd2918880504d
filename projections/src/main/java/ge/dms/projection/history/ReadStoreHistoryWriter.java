package ge.dms.projection.history;

import ge.dms.projection.orderview.readstore.ReadStoreSink;
import ge.dms.projection.readstore.ReadStore;
import ge.dms.projection.readstore.ReusedConnection;
import ge.dms.projection.source.MalformedRecordException;
import ge.dms.projection.source.RowParser;
import ge.dms.projection.source.StatusChangeRow;
import ge.dms.readmodel.ReadSideSql;
import ge.dms.readmodel.UpsertColumns;
import ge.dms.readmodel.jooq.tables.records.OrderHistoryRecord;
import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.cdc.Op;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static ge.dms.projection.readstore.ReadSideValues.time;
import static ge.dms.readmodel.jooq.Tables.ORDER_HISTORY;
import static org.jooq.impl.DSL.excluded;

/**
 * Writes the status log ({@code order_status_changes} change events, keyed by change id) to the read-side
 * {@code order_history} table, one batch per transaction. A row is replaced only by a change with a higher
 * source LSN, so replays and duplicates are harmless. A change that cannot be parsed is logged and skipped
 * (the order events projection sends the same record to the dead-letter topic); deletes are ignored (the
 * write side never deletes its log).
 */
public final class ReadStoreHistoryWriter implements ReadStoreSink.BatchWriter<ChangeEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ReadStoreHistoryWriter.class);
    /** Every column but {@code applied_at}, whose default (now()) stamps an insert; an update sets it below. */
    private static final UpsertColumns<OrderHistoryRecord> CHANGE = UpsertColumns.of(ORDER_HISTORY,
            ORDER_HISTORY.CHANGE_ID, ORDER_HISTORY.ORDER_ID, ORDER_HISTORY.FROM_STATUS, ORDER_HISTORY.TO_STATUS,
            ORDER_HISTORY.CHANGED_AT, ORDER_HISTORY.ACTOR_ROLE, ORDER_HISTORY.ACTOR_ID, ORDER_HISTORY.REASON,
            ORDER_HISTORY.SOURCE_LSN, ORDER_HISTORY.SOURCE_COMMIT_TIME);

    private final ReusedConnection connection;

    public ReadStoreHistoryWriter(ReadStore store) {
        this.connection = new ReusedConnection(store);
    }

    static Query upsert(DSLContext sql) {
        return sql.insertInto(ORDER_HISTORY, CHANGE.fields()).values(CHANGE.placeholders())
                .onConflict(ORDER_HISTORY.CHANGE_ID).doUpdate()
                .set(CHANGE.excludedExcept(ORDER_HISTORY.CHANGE_ID))
                .set(ORDER_HISTORY.APPLIED_AT, ReadSideSql.NOW)
                .where(excluded(ORDER_HISTORY.SOURCE_LSN).gt(ORDER_HISTORY.SOURCE_LSN));
    }

    @Override
    public int write(List<ChangeEvent> batch) throws SQLException {
        Connection c = connection.get();
        try {
            DSLContext sql = ReadSideSql.using(c);
            BatchBindStep upsert = sql.batch(upsert(sql));
            int rows = 0;
            for (ChangeEvent event : batch) {
                if (event == null || event.op() == Op.DELETE) {
                    continue;
                }
                StatusChangeRow row;
                Long actorId;
                try {
                    row = RowParser.statusChange(event);
                    actorId = row.actorId() == null || row.actorId().isBlank() ? null : Long.valueOf(row.actorId());
                } catch (MalformedRecordException | NumberFormatException e) {
                    LOG.warn("Skipping status change {} (lsn {}) for the order history: {}", event.id(), event.lsn(), e.getMessage());
                    continue;
                }
                upsert.bind(values(row, actorId, event.commitTime()));
                rows++;
            }
            if (rows == 0) {
                return 0;
            }
            int applied = 0;
            for (int count : upsert.execute()) {
                applied += count > 0 || count == Statement.SUCCESS_NO_INFO ? 1 : 0;
            }
            c.commit();
            return applied;
        } catch (DataAccessException e) {
            connection.discard();
            throw ReadSideSql.sqlException(e); // the sink retries on SQLException
        } catch (SQLException | RuntimeException e) {
            connection.discard();
            throw e;
        }
    }

    private static Object[] values(StatusChangeRow row, Long actorId, Instant commitTime) {
        return CHANGE.row()
                .set(ORDER_HISTORY.CHANGE_ID, row.id())
                .set(ORDER_HISTORY.ORDER_ID, row.orderId())
                .set(ORDER_HISTORY.FROM_STATUS, row.fromStatus())
                .set(ORDER_HISTORY.TO_STATUS, row.toStatus())
                .set(ORDER_HISTORY.CHANGED_AT, time(row.changedAt()))
                .set(ORDER_HISTORY.ACTOR_ROLE, row.actorRole())
                .set(ORDER_HISTORY.ACTOR_ID, actorId)
                .set(ORDER_HISTORY.REASON, row.reason())
                .set(ORDER_HISTORY.SOURCE_LSN, row.lsn())
                .set(ORDER_HISTORY.SOURCE_COMMIT_TIME, time(commitTime))
                .values();
    }

    @Override
    public void close() {
        connection.close();
    }
}
