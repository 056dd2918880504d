package ge.dms.cdc.convert;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import java.util.List;
import java.util.Map;

/** Hand-built records shaped like the postgres connector's, for unit tests of pure logic. */
public final class DebeziumRecords {

    public static final Schema ROW = SchemaBuilder.struct().name("t.public.orders.Value").optional()
            .field("id", Schema.INT64_SCHEMA)
            .field("status", Schema.OPTIONAL_STRING_SCHEMA)
            .field("notes", Schema.OPTIONAL_STRING_SCHEMA)
            .field("total_amount", Schema.OPTIONAL_STRING_SCHEMA)
            .field("created_at", SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").optional().build())
            .field("local_at", SchemaBuilder.int64().name("io.debezium.time.MicroTimestamp").optional().build())
            .field("day", SchemaBuilder.int32().name("io.debezium.time.Date").optional().build())
            .field("request_id", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.postgresql.Source")
            .field("table", Schema.STRING_SCHEMA).field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
            .field("txId", Schema.OPTIONAL_INT64_SCHEMA).field("ts_ms", Schema.INT64_SCHEMA)
            .field("ts_us", Schema.OPTIONAL_INT64_SCHEMA).build();
    static final Schema TRANSACTION = SchemaBuilder.struct().name("event.block").optional()
            .field("id", Schema.STRING_SCHEMA).field("total_order", Schema.INT64_SCHEMA)
            .field("data_collection_order", Schema.INT64_SCHEMA).build();
    static final Schema ENVELOPE = SchemaBuilder.struct().name("t.public.orders.Envelope")
            .field("before", ROW).field("after", ROW).field("source", SOURCE).field("op", Schema.STRING_SCHEMA)
            .field("transaction", TRANSACTION).build();
    static final Schema COLLECTION = SchemaBuilder.struct()
            .field("data_collection", Schema.STRING_SCHEMA).field("event_count", Schema.INT64_SCHEMA).build();
    static final Schema TX_VALUE = SchemaBuilder.struct().name("io.debezium.connector.common.TransactionMetadataValue")
            .field("status", Schema.STRING_SCHEMA).field("id", Schema.STRING_SCHEMA)
            .field("event_count", Schema.OPTIONAL_INT64_SCHEMA)
            .field("data_collections", SchemaBuilder.array(COLLECTION).optional().build())
            .field("ts_ms", Schema.INT64_SCHEMA).build();

    private DebeziumRecords() {
    }

    public static Struct row(long id, String status, String notes) {
        return new Struct(ROW).put("id", id).put("status", status).put("notes", notes).put("total_amount", "125.50")
                .put("created_at", "2026-11-22T12:15:00.123456+04:00").put("local_at", 1_763_800_000_123_456L).put("day", 20_414);
    }

    /** A row written by the request {@code requestId} (its {@code request_id} column). */
    public static Struct row(long id, String status, String notes, String requestId) {
        return row(id, status, notes).put("request_id", requestId);
    }

    public static SourceRecord change(String op, Struct before, Struct after, long lsn, long xid, long order) {
        Struct source = new Struct(SOURCE).put("table", "orders").put("lsn", lsn).put("txId", xid)
                .put("ts_ms", 1_763_800_000_123L).put("ts_us", 1_763_800_000_123_456L);
        Struct value = new Struct(ENVELOPE).put("before", before).put("after", after).put("source", source).put("op", op)
                .put("transaction", new Struct(TRANSACTION).put("id", xid + ":" + lsn).put("total_order", order)
                        .put("data_collection_order", order));
        return new SourceRecord(Map.of("server", "t"), Map.of("lsn", lsn), "t.public.orders", null, null, ENVELOPE, value);
    }

    public static SourceRecord transactionEnd(long xid, long commitLsn) {
        Struct value = new Struct(TX_VALUE).put("status", "END").put("id", xid + ":" + commitLsn).put("event_count", 3L)
                .put("data_collections", List.of(
                        new Struct(COLLECTION).put("data_collection", "public.orders").put("event_count", 1L),
                        new Struct(COLLECTION).put("data_collection", "public.order_items").put("event_count", 2L)))
                .put("ts_ms", 1_763_800_000_123L);
        return new SourceRecord(Map.of("server", "t"), Map.of("lsn", commitLsn), "t.transaction", null, null, TX_VALUE, value);
    }

    public static SourceRecord heartbeat() {
        Schema schema = SchemaBuilder.struct().name("io.debezium.connector.common.Heartbeat").field("ts_ms", Schema.INT64_SCHEMA).build();
        return new SourceRecord(Map.of("server", "t"), Map.of("lsn", 1L), "__debezium-heartbeat.t", null, null, schema,
                new Struct(schema).put("ts_ms", 1L));
    }
}
