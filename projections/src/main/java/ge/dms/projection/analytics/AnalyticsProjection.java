package ge.dms.projection.analytics;

import ge.dms.schemas.ProjectionTopics;
import ge.dms.schemas.serde.JsonSerde;
import ge.dms.schemas.view.OrderView;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The analytics projection.
 *
 * <p>Consumes the order view topic (keyed by order id), keeps the newest view per order
 * ({@value #LATEST_VIEWS_STORE}, by version then LSN), and aggregates it per (creation day in
 * {@link #DAY_ZONE}, restaurant) into {@value #RESTAURANT_DAY_STORE}, per (day, driver) into
 * {@value #DRIVER_DAY_STORE} and per day over all orders into {@value #ALL_DAY_STORE}, with adders and
 * subtractors: an order that changes status, driver or amount moves its contribution instead of being
 * counted twice. Every changed row goes to the sink, keyed by {@link AnalyticsKey}.
 *
 * <p>The all-orders rows exist so that questions over every restaurant read one row a day (about 184
 * for six months) instead of summing every restaurant's rows (tens of thousands).
 */
public final class AnalyticsProjection {

    public static final ZoneId DAY_ZONE = ZoneId.of("Asia/Tbilisi");
    public static final String LATEST_VIEWS_STORE = "analytics-latest-views";
    public static final String RESTAURANT_DAY_STORE = "analytics-restaurant-day";
    public static final String DRIVER_DAY_STORE = "analytics-driver-day";
    public static final String ALL_DAY_STORE = "analytics-all-day";
    /** The dimensions, in the order the aggregations are built. */
    public static final List<String> DIMENSIONS = List.of(AnalyticsKey.RESTAURANT, AnalyticsKey.DRIVER, AnalyticsKey.ALL);

    private AnalyticsProjection() {
    }

    public static Topology build(ProjectionTopics topics, AnalyticsSink sink) {
        StreamsBuilder builder = new StreamsBuilder();
        var viewsTopic = topics.orderViews();
        JsonSerde<OrderView> viewSerde = new JsonSerde<>(OrderView.class);
        JsonSerde<AnalyticsKey> keySerde = new JsonSerde<>(AnalyticsKey.class);
        JsonSerde<DailyFigures> figuresSerde = new JsonSerde<>(DailyFigures.class);

        KTable<Long, OrderView> latest = builder
                .stream(viewsTopic.name(), Consumed.with(viewsTopic.keySerde(), viewsTopic.valueSerde())
                        .withName("analytics-order-views-source"))
                .groupByKey(Grouped.with("analytics-views-by-order", viewsTopic.keySerde(), viewSerde))
                .reduce((held, next) -> next.isNewerThan(held) ? next : held, Named.as("analytics-newest-view"),
                        Materialized.<Long, OrderView, KeyValueStore<Bytes, byte[]>>as(LATEST_VIEWS_STORE)
                                .withKeySerde(viewsTopic.keySerde()).withValueSerde(viewSerde));

        aggregate(latest, AnalyticsKey.RESTAURANT, RESTAURANT_DAY_STORE, keySerde, figuresSerde, sink);
        aggregate(latest, AnalyticsKey.DRIVER, DRIVER_DAY_STORE, keySerde, figuresSerde, sink);
        aggregate(latest, AnalyticsKey.ALL, ALL_DAY_STORE, keySerde, figuresSerde, sink);
        return builder.build();
    }

    private static void aggregate(KTable<Long, OrderView> latest, String dimension, String storeName,
                                  JsonSerde<AnalyticsKey> keySerde, JsonSerde<DailyFigures> figuresSerde,
                                  AnalyticsSink sink) {
        latest.groupBy((orderId, view) -> KeyValue.pair(keyOf(dimension, view), DailyFigures.of(view)),
                        Grouped.with("analytics-by-" + dimension + "-day", keySerde, figuresSerde))
                .aggregate(DailyFigures::empty, (key, order, figures) -> figures.plus(order),
                        (key, order, figures) -> figures.minus(order), Named.as("analytics-" + dimension + "-figures"),
                        Materialized.<AnalyticsKey, DailyFigures, KeyValueStore<Bytes, byte[]>>as(storeName)
                                .withKeySerde(keySerde).withValueSerde(figuresSerde))
                .toStream(Named.as("analytics-" + dimension + "-changes"))
                .process(() -> new SinkProcessor(sink), Named.as("analytics-" + dimension + "-sink"));
    }

    /** The rows one order counts in: its restaurant's day, its driver's day (when it has one) and the all-orders day. */
    public static List<AnalyticsKey> keysOf(OrderView view) {
        return DIMENSIONS.stream().map(dimension -> keyOf(dimension, view)).filter(Objects::nonNull).toList();
    }

    /** Null (the order is left out of this dimension) when it has no driver or no creation time. */
    static AnalyticsKey keyOf(String dimension, OrderView view) {
        if (view.createdAt() == null) {
            return null;
        }
        // Every arm a Long: a mix of long and Long would unbox the driver's null.
        Long id = switch (dimension) {
            case AnalyticsKey.RESTAURANT -> Long.valueOf(view.restaurantId());
            case AnalyticsKey.DRIVER -> view.driverId();
            case AnalyticsKey.ALL -> Long.valueOf(AnalyticsKey.ALL_ID);
            default -> throw new IllegalArgumentException("unknown analytics dimension " + dimension);
        };
        return id == null ? null : new AnalyticsKey(dimension, id, view.createdAt().atZone(DAY_ZONE).toLocalDate());
    }

    private static final class SinkProcessor implements Processor<AnalyticsKey, DailyFigures, Void, Void> {

        private final AnalyticsSink sink;

        SinkProcessor(AnalyticsSink sink) {
            this.sink = sink;
        }

        @Override
        public void process(Record<AnalyticsKey, DailyFigures> record) {
            if (record.key() != null && record.value() != null) {
                sink.write(record.key(), record.value());
            }
        }
    }
}
