package ge.dms.schemas;

import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.cdc.DeadLetter;
import ge.dms.schemas.cdc.TransactionEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CDC topics under one prefix (empty in production, a test's namespace in tests).
 *
 * @param prefix       what every name starts with
 * @param tables       captured table name to its change topic, in {@link #CAPTURED_TABLES} order
 * @param transactions transaction boundaries
 * @param deadLetter   changes that could not be converted
 */
public record CdcTopics(String prefix,
                        Map<String, Topic<Long, ChangeEvent>> tables,
                        Topic<String, TransactionEvent> transactions,
                        Topic<String, DeadLetter> deadLetter) {

    /** The write-side tables (schema {@code public}) whose changes are published. */
    public static final List<String> CAPTURED_TABLES =
            List.of("restaurants", "drivers", "products", "orders", "order_items", "order_status_changes",
                    "session_revocations");

    public CdcTopics {
        tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    static CdcTopics withPrefix(String prefix) {
        String p = prefix == null ? "" : prefix;
        Map<String, Topic<Long, ChangeEvent>> tables = new LinkedHashMap<>();
        for (int i = 0; i < CAPTURED_TABLES.size(); i++) {
            tables.put(CAPTURED_TABLES.get(i), Topics.CDC_TABLE_TOPICS.get(i).withPrefix(p));
        }
        return new CdcTopics(p, tables, Topics.CDC_TRANSACTIONS.withPrefix(p), Topics.CDC_DEAD_LETTER.withPrefix(p));
    }

    /** The change topic of a captured table ({@code orders}, ...), empty for any other table. */
    public Optional<Topic<Long, ChangeEvent>> forTable(String table) {
        return Optional.ofNullable(tables.get(table));
    }

    public Topic<Long, ChangeEvent> table(String table) {
        return forTable(table).orElseThrow(() -> new IllegalArgumentException("not a captured table: " + table));
    }

    /** Every topic name here: change topics, then transactions, then dead letters. */
    public List<String> allNames() {
        List<String> names = new ArrayList<>();
        tables.values().forEach(t -> names.add(t.name()));
        names.add(transactions.name());
        names.add(deadLetter.name());
        return names;
    }
}
