package ge.dms.schemas;

import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.cdc.DeadLetter;
import ge.dms.schemas.cdc.TransactionEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CDC topics under one prefix (empty in production, a test's namespace in tests), one typed accessor
 * per topic: {@code topics.cdc().orders()}.
 *
 * @param prefix             what every name starts with
 * @param restaurants        changes of {@code restaurants}
 * @param drivers            changes of {@code drivers}
 * @param products           changes of {@code products}
 * @param orders             changes of {@code orders}
 * @param orderItems         changes of {@code order_items}, placed on their order's partition
 * @param orderStatusChanges changes of {@code order_status_changes}, placed on their order's partition
 * @param sessionRevocations changes of {@code session_revocations} (insert-only)
 * @param transactions       transaction boundaries
 * @param deadLetter         changes that could not be converted
 */
public record CdcTopics(String prefix,
                        Topic<Long, ChangeEvent> restaurants,
                        Topic<Long, ChangeEvent> drivers,
                        Topic<Long, ChangeEvent> products,
                        Topic<Long, ChangeEvent> orders,
                        Topic<Long, ChangeEvent> orderItems,
                        Topic<Long, ChangeEvent> orderStatusChanges,
                        Topic<Long, ChangeEvent> sessionRevocations,
                        Topic<String, TransactionEvent> transactions,
                        Topic<String, DeadLetter> deadLetter) {

    /**
     * The write-side tables (schema {@code public}) whose changes are published, in {@link #changeTopics} order:
     * taken from the change topics' names ({@code dms.cdc.<table>}), so the two cannot disagree.
     */
    public static final List<String> CAPTURED_TABLES =
            Topics.CDC_TABLE_TOPICS.stream().map(t -> t.name().substring(Topics.CHANGE_TOPIC_PREFIX.length())).toList();

    static CdcTopics withPrefix(String prefix) {
        String p = prefix == null ? "" : prefix;
        return new CdcTopics(p, Topics.RESTAURANTS.withPrefix(p), Topics.DRIVERS.withPrefix(p),
                Topics.PRODUCTS.withPrefix(p), Topics.ORDERS.withPrefix(p), Topics.ORDER_ITEMS.withPrefix(p),
                Topics.ORDER_STATUS_CHANGES.withPrefix(p), Topics.SESSION_REVOCATIONS.withPrefix(p),
                Topics.CDC_TRANSACTIONS.withPrefix(p), Topics.CDC_DEAD_LETTER.withPrefix(p));
    }

    /** One change topic per captured table, in {@link #CAPTURED_TABLES} order. */
    public List<Topic<Long, ChangeEvent>> changeTopics() {
        return List.of(restaurants, drivers, products, orders, orderItems, orderStatusChanges, sessionRevocations);
    }

    /**
     * The change topic of a captured table, empty for any other table: for cdc-pipeline, which learns the table
     * of each change from the replication stream. Code that knows its table uses the accessor ({@link #orders()}).
     */
    public Optional<Topic<Long, ChangeEvent>> forTable(String table) {
        String name = prefix + Topics.CHANGE_TOPIC_PREFIX + table;
        for (Topic<Long, ChangeEvent> topic : changeTopics()) {
            if (topic.name().equals(name)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }

    /** Every topic name here: change topics, then transactions, then dead letters. */
    public List<String> allNames() {
        List<String> names = new ArrayList<>();
        changeTopics().forEach(t -> names.add(t.name()));
        names.add(transactions.name());
        names.add(deadLetter.name());
        return names;
    }
}
