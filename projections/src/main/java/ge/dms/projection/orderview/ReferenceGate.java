package ge.dms.projection.orderview;

import ge.dms.schemas.view.OrderView;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.Optional;

/**
 * The slow, complete path. Takes what the foreign-key joins found (a renamed restaurant, a newly
 * seen driver, ...) and, when it is newer than what the order's view was built with, emits the
 * view again from the order's current state (shared {@value OrderViewProjection#ORDER_STATE_STORE}
 * store). What the hot path already had is dropped here, so each change is emitted once.
 */
final class ReferenceGate implements FixedKeyProcessor<Long, JoinedReferences, OrderView> {

    private FixedKeyProcessorContext<Long, OrderView> context;
    private KeyValueStore<Long, OrderState> store;

    @Override
    public void init(FixedKeyProcessorContext<Long, OrderView> context) {
        this.context = context;
        this.store = context.getStateStore(OrderViewProjection.ORDER_STATE_STORE);
    }

    @Override
    public void process(FixedKeyRecord<Long, JoinedReferences> record) {
        OrderState held = record.value() == null ? null : store.get(record.key());
        if (held == null || held.order() == null) {
            return;
        }
        OrderState state = held.withReferences(record.value().restaurant(), record.value().driver());
        Optional<OrderView> view = OrderViews.next(state);
        if (view.isPresent()) {
            store.put(record.key(), state.withEmitted(view.get()));
            context.forward(record.withValue(view.get()));
        } else if (!state.equals(held)) {
            store.put(record.key(), state); // not whole yet: the rows wait with the order for its items
        }
    }
}
