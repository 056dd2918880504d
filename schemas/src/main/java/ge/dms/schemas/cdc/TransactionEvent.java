package ge.dms.schemas.cdc;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;

/**
 * A boundary of one source transaction that changed captured tables. JSON Schema:
 * {@code ge/dms/schemas/cdc-transaction-event.v1.schema.json}. A consumer has the whole
 * transaction once it holds {@code eventCount} change events whose {@code transactionId}
 * equals {@link #id()} ({@code tables} says how many per table).
 *
 * @param version    envelope version, {@value #VERSION}
 * @param status     BEGIN or END
 * @param id         PostgreSQL xid as text, the same string as {@link ChangeEvent#transactionId()}
 * @param eventCount number of change events in the transaction; null on BEGIN
 * @param tables     events per table (e.g. {@code orders -> 1, order_items -> 3}); null on BEGIN
 * @param commitTime when the transaction committed, UTC
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransactionEvent(int version,
                               Status status,
                               String id,
                               Long eventCount,
                               Map<String, Long> tables,
                               Instant commitTime) {

    public static final int VERSION = 1;

    public enum Status { BEGIN, END }
}
