package ge.dms.projection.orderview;

import ge.dms.projection.source.OrderRow;
import ge.dms.schemas.view.OrderView;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Optional;

/**
 * The hot path. Collects an order's row and its items (in any order) in the
 * {@value OrderViewProjection#ORDER_STATE_STORE} store, takes the newest restaurant and driver rows
 * from the held state or the {@link ReferenceLookup}, and emits the view only when the source
 * transaction is whole (the order's {@code item_count} items are all here) and the view is newer
 * than the one last emitted. Older or duplicate order changes (by version, then LSN) and item
 * changes (by LSN) are dropped.
 */
final class OrderAssembler implements FixedKeyProcessor<Long, OrderInput, Assembled> {

    private static final Logger LOG = LoggerFactory.getLogger(OrderAssembler.class);

    private final ReferenceLookup lookup;
    private FixedKeyProcessorContext<Long, Assembled> context;
    private KeyValueStore<Long, OrderState> store;

    OrderAssembler(ReferenceLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public void init(FixedKeyProcessorContext<Long, Assembled> context) {
        this.context = context;
        this.store = context.getStateStore(OrderViewProjection.ORDER_STATE_STORE);
    }

    @Override
    public void process(FixedKeyRecord<Long, OrderInput> record) {
        OrderState held = store.get(record.key());
        OrderState state = held == null ? OrderState.empty() : held;
        OrderInput input = record.value();
        if (input.order() != null) {
            if (!input.order().isNewerThan(state.order())) {
                LOG.debug("Order {} v{} lsn {} is not newer than held; dropped", record.key(),
                        input.order().version(), input.order().lsn());
                return;
            }
            state = state.withOrder(input.order());
        } else {
            var heldItem = state.items().get(input.item().id());
            if (heldItem != null && heldItem.lsn() >= input.item().lsn()) {
                return;
            }
            state = state.withItem(input.item());
        }
        if (state.order() != null && state.order().deleted()) {
            store.delete(record.key());
            context.forward(record.withValue(null));
            return;
        }
        if (state.order() != null) {
            Long driverId = state.order().driverId();
            state = state.withReferences(lookup.restaurant(state.order().restaurantId()),
                    driverId == null ? null : lookup.driver(driverId));
        }
        if (state.isComplete()) {
            OrderView lastEmitted = state.emitted();
            for (OrderState step : state.pendingThenCurrent()) {
                Optional<OrderView> view = OrderViews.next(step.withEmitted(lastEmitted));
                if (view.isPresent()) {
                    var o = step.order();
                    OrderCore core = referencesChanged(lastEmitted, o) ? new OrderCore(o.restaurantId(), o.driverId(), o.version()) : null;
                    lastEmitted = view.get();
                    context.forward(record.withValue(new Assembled(view.get(), core)));
                }
            }
            state = state.withoutWaiting().withEmitted(lastEmitted);
        } else {
            LOG.debug("Order {} waits for the rest of its transaction ({} items so far)", record.key(), state.items().size());
        }
        store.put(record.key(), state);
    }

    /**
     * True when the order now points at another restaurant or driver than its last view did. Only
     * then do the foreign-key joins need to run again: a status change re-running them cost about ten
     * internal records (subscription, response, join stores) per change and made the projections
     * fall behind at 200 changes/s on two cores. A renamed restaurant or driver reaches the joins
     * from its own side.
     */
    private static boolean referencesChanged(OrderView lastEmitted, OrderRow order) {
        return lastEmitted == null || lastEmitted.restaurantId() != order.restaurantId()
                || !Objects.equals(lastEmitted.driverId(), order.driverId());
    }
}
