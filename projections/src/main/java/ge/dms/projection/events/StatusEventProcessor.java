package ge.dms.projection.events;

import ge.dms.projection.source.StatusChangeRow;
import ge.dms.schemas.event.OrderEvent;
import ge.dms.schemas.event.OrderEventType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One status change row becomes one business event; a change id not above the highest seen for the order is a replay. */
final class StatusEventProcessor implements FixedKeyProcessor<Long, StatusChangeRow, OrderEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StatusEventProcessor.class);

    private FixedKeyProcessorContext<Long, OrderEvent> context;
    private KeyValueStore<Long, Long> seen;

    @Override
    public void init(FixedKeyProcessorContext<Long, OrderEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(OrderEventsProjection.STATUS_SEEN_STORE);
    }

    @Override
    public void process(FixedKeyRecord<Long, StatusChangeRow> record) {
        StatusChangeRow change = record.value();
        Long highest = seen.get(record.key());
        if (highest != null && change.id() <= highest) {
            return;
        }
        OrderEventType type = OrderEventType.forStatus(change.toStatus());
        if (type == null) {
            LOG.warn("Status change {} of order {} goes to unknown status {}; no event", change.id(),
                    change.orderId(), change.toStatus());
            return;
        }
        seen.put(record.key(), change.id());
        context.forward(record.withValue(new OrderEvent(OrderEvent.SCHEMA_VERSION, "status-change:" + change.id(), type,
                change.orderId(), change.fromStatus(), change.toStatus(), null, null, change.changedAt(),
                change.actorRole(), change.actorId(), change.reason(), change.lsn())));
    }
}
