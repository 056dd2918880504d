package ge.dms.projection.history;

import ge.dms.projection.orderview.readstore.ReadStoreSink;
import ge.dms.projection.readstore.ReadStore;
import ge.dms.projection.readstore.ReusedConnection;
import ge.dms.projection.source.MalformedRecordException;
import ge.dms.projection.source.RowParser;
import ge.dms.projection.source.StatusChangeRow;
import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.cdc.Op;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

import static ge.dms.projection.readstore.SqlValues.setTime;

/**
 * Writes the status log ({@code order_status_changes} change events, keyed by change id) to the read-side
 * {@code order_history} table, one batch per transaction. A row is replaced only by a change with a higher
 * source LSN, so replays and duplicates are harmless. A change that cannot be parsed is logged and skipped
 * (the order events projection sends the same record to the dead-letter topic); deletes are ignored (the
 * write side never deletes its log).
 */
public final class ReadStoreHistoryWriter implements ReadStoreSink.BatchWriter<ChangeEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ReadStoreHistoryWriter.class);
    private static final String UPSERT = """
            INSERT INTO order_history (change_id, order_id, from_status, to_status, changed_at, actor_role, actor_id,
                reason, source_lsn, source_commit_time, applied_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (change_id) DO UPDATE SET order_id = EXCLUDED.order_id, from_status = EXCLUDED.from_status,
                to_status = EXCLUDED.to_status, changed_at = EXCLUDED.changed_at, actor_role = EXCLUDED.actor_role,
                actor_id = EXCLUDED.actor_id, reason = EXCLUDED.reason, source_lsn = EXCLUDED.source_lsn,
                source_commit_time = EXCLUDED.source_commit_time, applied_at = now()
            WHERE EXCLUDED.source_lsn > order_history.source_lsn
            """;

    private final ReusedConnection connection;

    public ReadStoreHistoryWriter(ReadStore store) {
        this.connection = new ReusedConnection(store);
    }

    @Override
    public int write(List<ChangeEvent> batch) throws SQLException {
        Connection c = connection.get();
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
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
                bind(ps, row, actorId, event.commitTime());
                ps.addBatch();
                rows++;
            }
            if (rows == 0) {
                return 0;
            }
            int applied = 0;
            for (int count : ps.executeBatch()) {
                applied += count > 0 || count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : 0;
            }
            c.commit();
            return applied;
        } catch (SQLException | RuntimeException e) {
            connection.discard();
            throw e;
        }
    }

    private static void bind(PreparedStatement ps, StatusChangeRow row, Long actorId, Instant commitTime) throws SQLException {
        ps.setLong(1, row.id());
        ps.setLong(2, row.orderId());
        ps.setString(3, row.fromStatus());
        ps.setString(4, row.toStatus());
        setTime(ps, 5, row.changedAt());
        ps.setString(6, row.actorRole());
        if (actorId == null) {
            ps.setNull(7, Types.BIGINT);
        } else {
            ps.setLong(7, actorId);
        }
        ps.setString(8, row.reason());
        ps.setLong(9, row.lsn());
        setTime(ps, 10, commitTime);
    }


    @Override
    public void close() {
        connection.close();
    }
}
