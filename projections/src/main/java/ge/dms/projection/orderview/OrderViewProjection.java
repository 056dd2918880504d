package ge.dms.projection.orderview;

import ge.dms.projection.source.DriverRow;
import ge.dms.projection.source.ItemRow;
import ge.dms.projection.source.OrderRow;
import ge.dms.projection.source.RestaurantRow;
import ge.dms.projection.source.RowParser;
import ge.dms.projection.source.SourceStreams;
import ge.dms.schemas.CdcTopics;
import ge.dms.schemas.ProjectionTopics;
import ge.dms.schemas.serde.IdKeySerde;
import ge.dms.schemas.serde.JsonSerde;
import ge.dms.schemas.view.OrderView;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.util.Set;

/**
 * The order view projection.
 *
 * <p>Consumes the {@code orders}, {@code order_items}, {@code restaurants} and {@code drivers}
 * change topics (each keyed by its row id; items on their order's partition, see {@link ItemRouting}).
 * Items are assembled with their order in the {@value #ORDER_STATE_STORE} store; a view is emitted
 * only once the order's {@code item_count} items are all present (whole source transactions) and only when it is newer
 * ({@link OrderView#isNewerThan}) than the last one emitted. Emitted keyed by order id to
 * {@link ProjectionTopics#orderViews()} and to the given sink. Malformed input goes to
 * {@link ProjectionTopics#deadLetter()}.
 *
 * <p>Two paths feed the view. The hot path ({@link OrderAssembler}) emits as soon as an order
 * change arrives, with restaurant and driver rows from the state or the {@link ReferenceLookup}:
 * no Kafka round trip, so a status change reaches Redis in milliseconds. The complete path
 * joins every order to its restaurant and driver by foreign key ({@value #RESTAURANTS_STORE},
 * {@value #DRIVERS_STORE}); the {@link ReferenceGate} re-emits a view only when the join brought
 * a newer row, e.g. a renamed restaurant, which thereby updates every view that refers to it.
 */
public final class OrderViewProjection {

    public static final String ORDER_STATE_STORE = "order-assembly";
    public static final String ORDER_CORE_STORE = "order-core";
    public static final String RESTAURANTS_STORE = "restaurants";
    public static final String DRIVERS_STORE = "drivers";
    public static final String ORDER_REFERENCES_STORE = "order-references";

    private OrderViewProjection() {
    }

    /** How the items reach the assembler. */
    public enum ItemRouting {
        /**
         * Read straight from their change topic: cdc-pipeline puts each item on its order's partition
         * ({@code OrderPartitioning}), so the same task holds both and nothing waits for a Kafka round trip.
         */
        ON_ORDER_PARTITION,
        /**
         * Re-keyed by order id through the {@code items-by-order} repartition topic: for change topics
         * written before items were placed by order. Read under exactly-once, that topic delivers an item
         * only after the upstream commit, so a new order (and any change made to it meanwhile) waits for it.
         */
        REPARTITIONED
    }

    /** Names come through the foreign-key joins only. */
    public static Topology build(ProjectionTopics topics, OrderViewSink sink) {
        return build(topics, sink, ReferenceLookup.NONE, ItemRouting.ON_ORDER_PARTITION);
    }

    public static Topology build(ProjectionTopics topics, OrderViewSink sink, ReferenceLookup lookup, ItemRouting routing) {
        return build(topics, SinkWiring.shared(sink), lookup, routing);
    }

    public static Topology build(ProjectionTopics topics, SinkWiring sinks, ReferenceLookup lookup, ItemRouting routing) {
        StreamsBuilder builder = new StreamsBuilder();
        CdcTopics cdc = topics.cdc();
        IdKeySerde ids = new IdKeySerde();

        KStream<Long, OrderRow> orders = SourceStreams.parsed(builder, cdc.orders(), "orders",
                RowParser::order, topics.deadLetter());
        KStream<Long, ItemRow> items = SourceStreams.parsed(builder, cdc.orderItems(), "order-items",
                RowParser::item, topics.deadLetter());
        if (routing == ItemRouting.REPARTITIONED) {
            items = items.selectKey((itemId, item) -> item.orderId(), Named.as("order-items-by-order-id"))
                    .repartition(Repartitioned.<Long, ItemRow>as("items-by-order")
                            .withKeySerde(ids).withValueSerde(new JsonSerde<>(ItemRow.class)));
        }

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ORDER_STATE_STORE),
                ids, JsonSerde.withDataKeys(OrderState.class)));
        // Two assemblers share the store: one fed by order rows (keyed by order id), one by items (keyed by
        // item id when read straight from their topic). Keeping them apart, instead of re-keying the items,
        // keeps the order-keyed stream free of a key change, so the core table below needs no repartition.
        KStream<Long, Assembled> fromOrders = orders
                .mapValues(OrderInput::ofOrder, Named.as("orders-as-input"))
                .processValues(() -> new OrderAssembler(lookup), Named.as("order-assembler"), ORDER_STATE_STORE);
        KStream<Long, OrderView> fromItems = items
                .mapValues(OrderInput::ofItem, Named.as("items-as-input"))
                .processValues(() -> new OrderAssembler(lookup), Named.as("item-assembler"), ORDER_STATE_STORE)
                .filter((key, a) -> a != null && a.view() != null, Named.as("item-assembled-views"))
                .map((key, a) -> KeyValue.pair(a.view().orderId(), a.view()), Named.as("item-views-by-order-id"));

        KTable<Long, OrderCore> cores = fromOrders
                .filter((orderId, a) -> a == null || a.core() != null, Named.as("order-reference-changes"))
                .mapValues(a -> a == null ? null : a.core(), Named.as("order-cores"))
                .toTable(Named.as("order-core-table"), Materialized.<Long, OrderCore, KeyValueStore<Bytes, byte[]>>as(ORDER_CORE_STORE)
                        .withKeySerde(ids).withValueSerde(new JsonSerde<>(OrderCore.class)));
        KTable<Long, RestaurantRow> restaurants = SourceStreams.parsed(builder, cdc.restaurants(), "restaurants",
                        RowParser::restaurant, topics.deadLetter())
                .groupByKey(Grouped.with("restaurants-by-id", ids, new JsonSerde<>(RestaurantRow.class)))
                .reduce(RestaurantRow::newer, Named.as("restaurants-latest"),
                        Materialized.<Long, RestaurantRow, KeyValueStore<Bytes, byte[]>>as(RESTAURANTS_STORE)
                                .withKeySerde(ids).withValueSerde(new JsonSerde<>(RestaurantRow.class)));
        KTable<Long, DriverRow> drivers = SourceStreams.parsed(builder, cdc.drivers(), "drivers",
                        RowParser::driver, topics.deadLetter())
                .groupByKey(Grouped.with("drivers-by-id", ids, new JsonSerde<>(DriverRow.class)))
                .reduce(DriverRow::newer, Named.as("drivers-latest"),
                        Materialized.<Long, DriverRow, KeyValueStore<Bytes, byte[]>>as(DRIVERS_STORE)
                                .withKeySerde(ids).withValueSerde(new JsonSerde<>(DriverRow.class)));

        JsonSerde<JoinedReferences> refsSerde = new JsonSerde<>(JoinedReferences.class);
        KStream<Long, OrderView> joinedViews = cores
                .leftJoin(restaurants, OrderCore::restaurantId, JoinedReferences::ofRestaurant,
                        TableJoined.as("order-restaurant-join"),
                        Materialized.<Long, JoinedReferences, KeyValueStore<Bytes, byte[]>>as("order-with-restaurant")
                                .withKeySerde(ids).withValueSerde(refsSerde))
                .leftJoin(drivers, JoinedReferences::driverId, JoinedReferences::withDriver,
                        TableJoined.as("order-driver-join"),
                        Materialized.<Long, JoinedReferences, KeyValueStore<Bytes, byte[]>>as(ORDER_REFERENCES_STORE)
                                .withKeySerde(ids).withValueSerde(refsSerde))
                .toStream(Named.as("order-references-changes"))
                .processValues(ReferenceGate::new, Named.as("order-reference-gate"), ORDER_STATE_STORE);

        KStream<Long, OrderView> out = fromOrders
                .filter((orderId, a) -> a == null || a.view() != null, Named.as("order-assembled-views"))
                .mapValues(a -> a == null ? null : a.view(), Named.as("order-views-hot"))
                .merge(fromItems, Named.as("order-and-item-views"))
                .merge(joinedViews, Named.as("order-views"));
        out.to(topics.orderViews().name(), Produced.with(topics.orderViews().keySerde(), topics.orderViews().valueSerde())
                .withName("order-views-topic-sink"));
        Set<String> straight = Set.of(cdc.orders().name(), cdc.orderItems().name());
        if (sinks.perTask() != null) {
            builder.addStateStore(sinks.perTask());
            String store = sinks.perTask().name();
            out.process(() -> new OrderViewSinkProcessor(null, store, straight), Named.as("order-views-external-sinks"), store);
        } else {
            out.process(() -> new OrderViewSinkProcessor(sinks.shared(), null, straight), Named.as("order-views-external-sinks"));
        }
        return builder.build();
    }
}
