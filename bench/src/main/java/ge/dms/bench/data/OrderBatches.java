package ge.dms.bench.data;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/** Collects streamed orders into COPY text, giving lines and log rows their ids, and writes a batch at a time. */
final class OrderBatches {

    private final BulkLoader loader;
    private final int batchSize;
    private final LongConsumer written;
    private final CopyText orderText = new CopyText();
    private final CopyText itemText = new CopyText();
    private final CopyText changeText = new CopyText();
    private final Map<String, Long> byStatus = new HashMap<>();
    private long nextItemId;
    private long nextChangeId;
    private long lastOrderId;
    private long lastReferenceNumber;
    private long orders;
    private long items;
    private long changes;
    private int pending;

    OrderBatches(BulkLoader loader, int batchSize, long firstItemId, long firstChangeId, LongConsumer written) {
        this.loader = loader;
        this.batchSize = batchSize;
        this.nextItemId = firstItemId;
        this.nextChangeId = firstChangeId;
        this.written = written;
    }

    void add(Rows.Order o) {
        orderText.add(o.id()).add(o.reference()).add(o.restaurantId()).add(o.driverId()).add(o.status()).add(o.deliveryAddress())
                .add(o.requestedDeliveryAt()).add(o.notes()).add(o.totalAmount()).add(o.itemCount()).add(o.version())
                .add(o.createdAt()).add(o.updatedAt()).add(o.confirmedAt()).add(o.readyAt()).add(o.pickedUpAt())
                .add(o.deliveredAt()).add(o.cancelledAt()).endRow();
        for (Rows.Item i : o.items()) {
            itemText.add(nextItemId++).add(o.id()).add(i.productId()).add(i.productName()).add(i.unitPrice()).add(i.quantity())
                    .add(i.lineTotal()).endRow();
        }
        for (Rows.Change c : o.changes()) {
            changeText.add(nextChangeId++).add(o.id()).add(c.from()).add(c.to()).add(c.at()).add(c.actorRole()).add(c.actorId())
                    .add(c.reason()).endRow();
        }
        byStatus.merge(o.status(), 1L, Long::sum);
        lastOrderId = o.id();
        lastReferenceNumber = Long.parseLong(o.reference().substring(o.reference().lastIndexOf('-') + 1));
        items += o.items().size();
        changes += o.changes().size();
        if (++pending == batchSize) {
            try {
                flush();
            } catch (SQLException e) {
                throw new DataGenerator.BatchFailure(e);
            }
        }
    }

    void flush() throws SQLException {
        if (pending == 0) {
            return;
        }
        loader.orders(orderText, itemText, changeText, lastOrderId, nextItemId - 1, nextChangeId - 1, lastReferenceNumber);
        orders += pending;
        written.accept(pending);
        pending = 0;
    }

    long orders() {
        return orders;
    }

    long items() {
        return items;
    }

    long changes() {
        return changes;
    }

    Map<String, Long> byStatus() {
        return byStatus;
    }
}
