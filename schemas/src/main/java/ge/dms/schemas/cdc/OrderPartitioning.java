package ge.dms.schemas.cdc;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;

import java.util.Map;
import java.util.Set;

/**
 * Where cdc-pipeline puts each change: everything about one order on the partition of the order.
 *
 * <p>Every change topic is keyed by its row id. {@code orders} goes to the partition Kafka's default
 * partitioner picks for that key; the rows that belong to an order ({@link #BY_ORDER}: its items and its
 * status log) go to the partition the <em>order's</em> key would get, while keeping their own row id as
 * the key. So partition {@code p} of {@code dms.cdc.order_items} holds exactly the items of the orders in
 * partition {@code p} of {@code dms.cdc.orders} (all three topics have the same partition count), and a
 * consumer can assemble an order and its items without re-keying them through another topic first:
 * that re-keying, read under exactly-once, cost a new order up to a commit interval (about a second).
 */
public final class OrderPartitioning {

    /** Tables whose rows are placed by the order they belong to, and the column naming it. */
    public static final Set<String> BY_ORDER = Set.of("order_items", "order_status_changes");
    public static final String ORDER_COLUMN = "order_id";

    private OrderPartitioning() {
    }

    /** The id whose key decides the partition: the order's for {@link #BY_ORDER} tables, the row's own otherwise. */
    public static long partitionId(ChangeEvent event) {
        if (BY_ORDER.contains(event.table())) {
            Map<String, Object> row = event.row();
            if (row != null && row.get(ORDER_COLUMN) instanceof Number order) {
                return order.longValue();
            }
        }
        return event.id();
    }

    /**
     * The partition Kafka's default partitioner gives {@code id}'s key (murmur2 of the serialized key),
     * so a record placed here lands where the order's own change does.
     */
    public static int partition(Serializer<Long> keySerializer, String topic, long id, int partitions) {
        byte[] key = keySerializer.serialize(topic, id);
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }
}
