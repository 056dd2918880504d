package ge.dms.projection.source;

import ge.dms.schemas.cdc.ChangeEvent;

import java.time.Instant;

/** One {@code session_revocations} row: a signed-out session and when its last access token expires. */
public record SessionRevocationRow(long id, String sessionId, Instant revokedAt, Instant expiresAt, long lsn) {

    public static SessionRevocationRow parse(ChangeEvent event) {
        if (event.op() == null) {
            throw new MalformedRecordException("session_revocations: change has no op");
        }
        if (event.table() != null && !"session_revocations".equals(event.table())) {
            throw new MalformedRecordException("expected a change of session_revocations but got one of " + event.table());
        }
        Columns c = new Columns("session_revocations", event.row());
        Instant expiresAt = c.instant("expires_at");
        if (expiresAt == null) {
            throw new MalformedRecordException("session_revocations.expires_at is missing");
        }
        return new SessionRevocationRow(c.requiredLong("id"), c.requiredText("session_id"), c.instant("revoked_at"),
                expiresAt, event.lsn());
    }
}
