package ge.dms.projection.source;

import java.time.Instant;

/** One {@code order_status_changes} row: the business event log. */
public record StatusChangeRow(long id, long orderId, String fromStatus, String toStatus, Instant changedAt,
                              String actorRole, String actorId, String reason, long lsn) {
}
