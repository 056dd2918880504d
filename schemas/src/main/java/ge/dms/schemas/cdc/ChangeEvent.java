package ge.dms.schemas.cdc;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import ge.dms.schemas.trace.Correlation;

import java.time.Instant;
import java.util.Map;

/**
 * One committed change of one row of a captured table, as published by cdc-pipeline.
 * JSON Schema: {@code ge/dms/schemas/cdc-change-event.v1.schema.json}.
 *
 * <p>Row images map column names to values: text, booleans and integers as JSON strings,
 * booleans and numbers; {@code numeric} as a decimal string (no precision lost); timestamps as
 * ISO-8601 UTC strings; dates as {@code yyyy-MM-dd}.
 *
 * <p>A change is identified by {@code (table, id, lsn)}; a change published twice (after a
 * crash) carries the same identity, so consumers drop an event whose {@code lsn} is not
 * greater than the last one they applied for that key. Snapshot rows ({@code op = r}) share
 * the snapshot's LSN.
 *
 * @param version          envelope version, {@value #VERSION}
 * @param op               what happened
 * @param table            source table in schema {@code public}, e.g. {@code orders}
 * @param id               the row's primary key, also the record key
 * @param before           the row before the change; null for create and snapshot read
 * @param after            the row after the change; null for delete
 * @param lsn              PostgreSQL log sequence number of the change (snapshot: of the snapshot)
 * @param txId             PostgreSQL transaction id; null for snapshot reads
 * @param transactionId    the source transaction's id on the transactions topic: PostgreSQL's xid as text (xids
 *                         wrap after ~4 billion transactions; with commitTime it is unique for good); null for snapshot reads
 * @param transactionOrder 1-based position of this event within its transaction; null for snapshot reads
 * @param commitTime       when the source transaction committed (snapshot: when the row was read), UTC
 * @param snapshot         true when the row came from the initial snapshot, not from the WAL
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangeEvent(int version,
                          Op op,
                          String table,
                          long id,
                          Map<String, Object> before,
                          Map<String, Object> after,
                          long lsn,
                          Long txId,
                          String transactionId,
                          Long transactionOrder,
                          Instant commitTime,
                          boolean snapshot) {

    public static final int VERSION = 1;

    /**
     * The correlation id of the request that wrote this row image (its {@code request_id} column,
     * {@link Correlation}), or null: rows written outside a request, tables without the column, deletes.
     */
    public String requestId() {
        return after != null && after.get(Correlation.COLUMN) instanceof String id ? id : null;
    }

    /** The latest row image: {@code after}, or {@code before} for a delete. */
    public Map<String, Object> row() {
        return after != null ? after : before;
    }
}
