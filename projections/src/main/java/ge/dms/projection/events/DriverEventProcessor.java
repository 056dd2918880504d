package ge.dms.projection.events;

import ge.dms.projection.source.OrderRow;
import ge.dms.schemas.event.OrderEvent;
import ge.dms.schemas.event.OrderEventType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.Objects;

/**
 * Emits DriverAssigned when a newer version of an order carries a driver different from the one
 * seen before (the status log does not record assignments; the order row does).
 */
final class DriverEventProcessor implements FixedKeyProcessor<Long, OrderRow, OrderEvent> {

    record Seen(Long driverId, long version) {
    }

    private FixedKeyProcessorContext<Long, OrderEvent> context;
    private KeyValueStore<Long, Seen> seen;

    @Override
    public void init(FixedKeyProcessorContext<Long, OrderEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(OrderEventsProjection.DRIVER_SEEN_STORE);
    }

    @Override
    public void process(FixedKeyRecord<Long, OrderRow> record) {
        OrderRow order = record.value();
        Seen held = seen.get(record.key());
        if (order.deleted() || (held != null && order.version() <= held.version())) {
            return;
        }
        seen.put(record.key(), new Seen(order.driverId(), order.version()));
        Long previous = held == null ? null : held.driverId();
        if (order.driverId() != null && !Objects.equals(order.driverId(), previous)) {
            context.forward(record.withValue(new OrderEvent(OrderEvent.SCHEMA_VERSION,
                    "driver:" + order.id() + ":v" + order.version(), OrderEventType.DriverAssigned, order.id(),
                    null, null, order.driverId(), previous, order.updatedAt(), null, null, null, order.lsn())));
        }
    }
}
