package ge.dms.cdc.convert;

import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.cdc.DeadLetter;
import ge.dms.schemas.cdc.Op;
import ge.dms.schemas.cdc.TransactionEvent;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Maps Debezium's Connect records (postgres connector, {@code provide.transaction.metadata=true})
 * to the contracts in {@code ge.dms.schemas.cdc}. Pure: no I/O, unit-testable with hand-built structs.
 */
public final class ChangeEventConverter {

    private static final String TRANSACTION_SCHEMA_SUFFIX = "TransactionMetadataValue";

    private final String unavailablePlaceholder;
    private final Clock clock;

    public ChangeEventConverter(String unavailablePlaceholder, Clock clock) {
        this.unavailablePlaceholder = unavailablePlaceholder;
        this.clock = clock;
    }

    public Converted convert(SourceRecord record) {
        Object value = record.value();
        if (!(value instanceof Struct struct)) {
            return new Converted.Skip("tombstone on " + record.topic());
        }
        String schemaName = Objects.requireNonNullElse(struct.schema().name(), "");
        try {
            if (schemaName.endsWith(".Envelope")) {
                return new Converted.Change(change(struct));
            }
            if (schemaName.endsWith(TRANSACTION_SCHEMA_SUFFIX)) {
                return new Converted.Transaction(transaction(struct));
            }
            return new Converted.Skip(schemaName);
        } catch (RuntimeException e) {
            return new Converted.Dead(deadLetter(struct, e));
        }
    }

    private ChangeEvent change(Struct envelope) {
        Struct source = envelope.getStruct("source");
        String table = source.getString("table");
        Op op = Op.fromCode(envelope.getString("op"));
        Map<String, Object> before = RowImage.of(envelope.getStruct("before"));
        Map<String, Object> after = RowImage.of(envelope.getStruct("after"));
        after = fillUnchangedToast(before, after);
        Map<String, Object> row = after != null ? after : before;
        if (row == null || !(row.get("id") instanceof Number id)) {
            throw new IllegalArgumentException("change of " + table + " has no numeric id column");
        }
        boolean snapshot = op == Op.READ;
        Long txId = snapshot ? null : source.getInt64("txId");
        Struct transaction = envelope.schema().field("transaction") == null ? null : envelope.getStruct("transaction");
        String transactionId = transaction == null ? null : transactionId(transaction.getString("id"));
        Long order = transaction == null ? null : transaction.getInt64("total_order");
        return new ChangeEvent(ChangeEvent.VERSION, op, table, id.longValue(), before, after,
                source.getInt64("lsn"), txId, transactionId, order, commitTime(source), snapshot);
    }

    /**
     * An update that did not touch a TOASTed column carries Debezium's placeholder for it. With
     * REPLICA IDENTITY FULL the before image holds the whole value, so the after image is completed
     * from it; without FULL the placeholder would remain and the event would be wrong.
     */
    private Map<String, Object> fillUnchangedToast(Map<String, Object> before, Map<String, Object> after) {
        if (after == null || before == null || !after.containsValue(unavailablePlaceholder)) {
            return after;
        }
        Map<String, Object> filled = new LinkedHashMap<>(after);
        filled.replaceAll((column, value) -> unavailablePlaceholder.equals(value) && before.containsKey(column)
                && !unavailablePlaceholder.equals(before.get(column)) ? before.get(column) : value);
        return filled;
    }

    private static Instant commitTime(Struct source) {
        if (source.schema().field("ts_us") != null && source.getInt64("ts_us") != null) {
            return RowImage.micros(source.getInt64("ts_us"));
        }
        return Instant.ofEpochMilli(source.getInt64("ts_ms"));
    }

    private static TransactionEvent transaction(Struct value) {
        TransactionEvent.Status status = TransactionEvent.Status.valueOf(value.getString("status"));
        Long count = value.getInt64("event_count");
        Map<String, Long> tables = null;
        if (status == TransactionEvent.Status.END && value.getArray("data_collections") != null) {
            tables = new LinkedHashMap<>();
            for (Object item : value.getArray("data_collections")) {
                Struct collection = (Struct) item;
                String name = collection.getString("data_collection");
                tables.put(name.substring(name.lastIndexOf('.') + 1), collection.getInt64("event_count"));
            }
        }
        return new TransactionEvent(TransactionEvent.VERSION, status, transactionId(value.getString("id")), count, tables,
                Instant.ofEpochMilli(value.getInt64("ts_ms")));
    }

    /**
     * Debezium's postgres transaction ids are {@code xid:lsn} with an LSN that differs between BEGIN,
     * the events and END; the PostgreSQL transaction id (xid) alone is what they share.
     */
    static String transactionId(String debeziumId) {
        int colon = debeziumId.indexOf(':');
        return colon < 0 ? debeziumId : debeziumId.substring(0, colon);
    }

    private DeadLetter deadLetter(Struct struct, RuntimeException e) {
        String table = null;
        Long lsn = null;
        if (struct.schema().field("source") != null && struct.getStruct("source") != null) {
            Struct source = struct.getStruct("source");
            table = source.getString("table");
            lsn = source.getInt64("lsn");
        }
        return new DeadLetter(DeadLetter.VERSION, table, lsn, e.getClass().getSimpleName() + ": " + e.getMessage(),
                String.valueOf(struct), clock.instant());
    }
}
