package ge.dms.command.idempotency;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The read-your-writes token sent in the {@value #HEADER} header of every successful write, e.g.
 * {@code order=42;version=3;xid=1234}: the entity and id changed, its new version (orders only)
 * and the PostgreSQL transaction id of the commit. CDC events carry the same transaction id
 * ({@code source.txId} in Debezium), and order views carry the version, so the query side can
 * wait until it has applied this write.
 */
public final class WriteToken {

    public static final String HEADER = "DMS-Write-Token";

    private WriteToken() {
    }

    /** Call inside the write transaction, after its first write (the id is then assigned). */
    public static String of(DSLContext tx, String entity, long id, Integer version) {
        String xid = tx.select(DSL.field("pg_current_xact_id()::text", String.class)).fetchSingle().value1();
        return entity + "=" + id + (version == null ? "" : ";version=" + version) + ";xid=" + xid;
    }
}
