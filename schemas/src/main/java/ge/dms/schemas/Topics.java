package ge.dms.schemas;

import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.cdc.DeadLetter;
import ge.dms.schemas.cdc.TransactionEvent;
import ge.dms.schemas.serde.IdKeySerde;
import ge.dms.schemas.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.List;

/**
 * Every topic of the platform, once. Names never appear as string literals elsewhere.
 *
 * <p>The change topics are written by cdc-pipeline only, one per captured write-side table,
 * keyed by the row's primary key {@code id} (UTF-8 decimal text) with a {@link ChangeEvent}
 * value. See {@code schemas/README.md} for the guarantees.
 */
public final class Topics {

    /** What every change topic's name starts with, before its table: {@code dms.cdc.orders}. */
    static final String CHANGE_TOPIC_PREFIX = "dms.cdc.";

    public static final Topic<Long, ChangeEvent> RESTAURANTS = change("restaurants");
    public static final Topic<Long, ChangeEvent> DRIVERS = change("drivers");
    public static final Topic<Long, ChangeEvent> PRODUCTS = change("products");
    public static final Topic<Long, ChangeEvent> ORDERS = change("orders");
    public static final Topic<Long, ChangeEvent> ORDER_ITEMS = change("order_items");
    public static final Topic<Long, ChangeEvent> ORDER_STATUS_CHANGES = change("order_status_changes");
    /** Sign-outs and revoked sessions (insert-only): {@code session_id}, {@code revoked_at}, {@code expires_at}. */
    public static final Topic<Long, ChangeEvent> SESSION_REVOCATIONS = change("session_revocations");

    /** Transaction boundaries (BEGIN and END) of every source transaction that changed a captured table, keyed by transaction id. */
    public static final Topic<String, TransactionEvent> CDC_TRANSACTIONS =
            new Topic<>("dms.cdc.transactions", new Serdes.StringSerde(),
                    new JsonSerde<>(TransactionEvent.class));

    /** Changes the pipeline could not turn into a {@link ChangeEvent}, with the reason; keyed by source table. */
    public static final Topic<String, DeadLetter> CDC_DEAD_LETTER =
            new Topic<>("dms.cdc.dead-letter", new Serdes.StringSerde(),
                    new JsonSerde<>(DeadLetter.class));

    /** The captured tables' change topics, in capture order (it gives {@link CdcTopics#CAPTURED_TABLES}). */
    static final List<Topic<Long, ChangeEvent>> CDC_TABLE_TOPICS =
            List.of(RESTAURANTS, DRIVERS, PRODUCTS, ORDERS, ORDER_ITEMS, ORDER_STATUS_CHANGES,
                    SESSION_REVOCATIONS);

    private Topics() {
    }

    /** The CDC topics with no prefix: what production uses. */
    public static CdcTopics cdc() {
        return CdcTopics.withPrefix("");
    }

    /** The CDC topics with {@code prefix} in front of every name, e.g. a test's own namespace. */
    public static CdcTopics withPrefix(String prefix) {
        return CdcTopics.withPrefix(prefix);
    }

    private static Topic<Long, ChangeEvent> change(String table) {
        return new Topic<>(CHANGE_TOPIC_PREFIX + table, new IdKeySerde(), new JsonSerde<>(ChangeEvent.class));
    }
}
