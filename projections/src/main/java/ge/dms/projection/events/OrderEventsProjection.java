package ge.dms.projection.events;

import ge.dms.projection.source.OrderRow;
import ge.dms.projection.source.RowParser;
import ge.dms.projection.source.SourceStreams;
import ge.dms.projection.source.StatusChangeRow;
import ge.dms.schemas.ProjectionTopics;
import ge.dms.schemas.event.OrderEvent;
import ge.dms.schemas.serde.IdKeySerde;
import ge.dms.schemas.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The order business events projection.
 *
 * <p>Consumes {@code order_status_changes} (re-keyed by order id through the
 * {@code status-changes-by-order} repartition topic) and {@code orders}; emits {@link OrderEvent}s
 * keyed by order id to {@link ProjectionTopics#orderEvents()}: one per status change
 * (OrderPlaced ... OrderCancelled) and a DriverAssigned whenever a newer order version carries a
 * different non-null driver. Replayed input is dropped using the stores {@value #STATUS_SEEN_STORE}
 * (highest status change id per order) and {@value #DRIVER_SEEN_STORE} (driver and version per order).
 */
public final class OrderEventsProjection {

    public static final String STATUS_SEEN_STORE = "order-events-status-seen";
    public static final String DRIVER_SEEN_STORE = "order-events-driver-seen";

    private OrderEventsProjection() {
    }

    public static Topology build(ProjectionTopics topics) {
        StreamsBuilder builder = new StreamsBuilder();
        IdKeySerde ids = new IdKeySerde();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATUS_SEEN_STORE),
                ids, Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DRIVER_SEEN_STORE),
                ids, new JsonSerde<>(DriverEventProcessor.Seen.class)));

        KStream<Long, OrderEvent> statusEvents = SourceStreams.parsed(builder, topics.cdc().orderStatusChanges(),
                        "status-changes", RowParser::statusChange, topics.deadLetter())
                .selectKey((changeId, change) -> change.orderId(), Named.as("status-changes-by-order-id"))
                .repartition(Repartitioned.<Long, StatusChangeRow>as("status-changes-by-order")
                        .withKeySerde(ids).withValueSerde(new JsonSerde<>(StatusChangeRow.class)))
                .processValues(StatusEventProcessor::new, Named.as("status-change-events"), STATUS_SEEN_STORE);

        // The order view projection dead-letters bad orders records; here they are only logged and skipped.
        KStream<Long, OrderRow> orders = SourceStreams.parsed(builder, topics.cdc().orders(), "event-orders",
                RowParser::order, null);
        KStream<Long, OrderEvent> driverEvents =
                orders.processValues(DriverEventProcessor::new, Named.as("driver-assigned-events"), DRIVER_SEEN_STORE);

        var out = topics.orderEvents();
        statusEvents.merge(driverEvents, Named.as("order-events"))
                .to(out.name(), Produced.with(out.keySerde(), out.valueSerde()).withName("order-events-sink"));
        return builder.build();
    }
}
