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
 * The hot path. Collects an order's row and its items (in any order, from records keyed by order id or,
 * for items read straight from their change topic, by item id) in the
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
        OrderInput input = record.value();
        long orderId = input.orderId(); // an item's record is keyed by its own id: the store is keyed by order
        OrderState held = store.get(orderId);
        OrderState state = held == null ? OrderState.empty() : held;
        OrderCore core = null;
        if (input.order() != null) {
            if (!input.order().isNewerThan(state.order())) {
                LOG.debug("Order {} v{} lsn {} is not newer than held; dropped", orderId,
                        input.order().version(), input.order().lsn());
                return;
            }
            if (referencesMoved(state.order(), input.order())) {
                var o = input.order();
                core = new OrderCore(o.restaurantId(), o.driverId(), o.version());
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
            store.delete(orderId);
            if (input.order() != null) {
                context.forward(record.withValue(null));
            }
            return;
        }
        if (state.order() != null) {
            Long driverId = state.order().driverId();
            state = state.withReferences(lookup.restaurant(state.order().restaurantId()),
                    driverId == null ? null : lookup.driver(driverId));
        }
        if (state.isComplete()) {
            EmittedMark lastEmitted = state.emitted();
            for (OrderState step : state.pendingThenCurrent()) {
                Optional<OrderView> view = OrderViews.next(step.withEmitted(lastEmitted));
                if (view.isPresent()) {
                    lastEmitted = EmittedMark.of(view.get());
                    context.forward(record.withValue(new Assembled(view.get(), core)));
                    core = null;
                }
            }
            state = state.withoutWaiting().withEmitted(lastEmitted);
        } else {
            LOG.debug("Order {} waits for the rest of its transaction ({} items so far)", orderId, state.items().size());
        }
        if (core != null) {
            context.forward(record.withValue(new Assembled(null, core)));
        }
        store.put(orderId, state);
    }

    /**
     * True when the order row points at another restaurant or driver than the row before it (or is the
     * first). Only then do the foreign-key joins need to run again: a status change re-running them cost about ten
     * internal records (subscription, response, join stores) per change and made the projections
     * fall behind at 200 changes/s on two cores. A renamed restaurant or driver reaches the joins
     * from its own side.
     */
    private static boolean referencesMoved(OrderRow before, OrderRow order) {
        return before == null || before.restaurantId() != order.restaurantId() || !Objects.equals(before.driverId(), order.driverId());
    }
}
