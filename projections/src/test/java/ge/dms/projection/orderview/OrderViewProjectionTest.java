package ge.dms.projection.orderview;

import ge.dms.projection.TestData;
import ge.dms.projection.StreamsTestSupport;
import ge.dms.schemas.ProjectionTopics;
import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.event.ProjectionDeadLetter;
import ge.dms.schemas.view.OrderView;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OrderViewProjectionTest {

    private final ProjectionTopics topics = ProjectionTopics.standard();
    private final TestData data = new TestData();
    private final List<OrderView> sunk = new ArrayList<>();
    private final ReferenceCache cache = new ReferenceCache();
    private TopologyTestDriver driver;
    private TestInputTopic<Long, ChangeEvent> orders;
    private TestInputTopic<Long, ChangeEvent> items;
    private TestInputTopic<Long, ChangeEvent> restaurants;
    private TestInputTopic<Long, ChangeEvent> drivers;
    private TestOutputTopic<Long, OrderView> views;

    @BeforeEach
    void startDriver() {
        driver = new TopologyTestDriver(OrderViewProjection.build(topics, sunk::add, cache, routing()), StreamsTestSupport.properties());
        orders = StreamsTestSupport.input(driver, topics.cdc().orders());
        items = StreamsTestSupport.input(driver, topics.cdc().orderItems());
        restaurants = StreamsTestSupport.input(driver, topics.cdc().restaurants());
        drivers = StreamsTestSupport.input(driver, topics.cdc().drivers());
        views = StreamsTestSupport.output(driver, topics.orderViews());
        sendAndCache(restaurants, data.restaurant(7, "ხაჭაპური House"));
        sendAndCache(drivers, data.driver(3, "Giorgi"));
        sendAndCache(drivers, data.driver(4, "Nino"));
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    /** How items reach the assembler; {@link OrderViewProjectionRepartitionedTest} runs every test the other way. */
    OrderViewProjection.ItemRouting routing() {
        return OrderViewProjection.ItemRouting.ON_ORDER_PARTITION;
    }

    @Test
    void shouldAssembleWithoutAnyRepartitionTopicWhenItemsSitOnTheirOrdersPartition() {
        String described = OrderViewProjection.build(topics, sunk::add, cache, OrderViewProjection.ItemRouting.ON_ORDER_PARTITION)
                .describe().toString();
        assertThat(described).doesNotContain("-repartition").doesNotContain("items-by-order");
        assertThat(OrderViewProjection.build(topics, sunk::add, cache, OrderViewProjection.ItemRouting.REPARTITIONED)
                .describe().toString()).contains("items-by-order-repartition");
    }

    @Test
    void shouldEmitTheJoinedViewOnceTheWholeTransactionIsHere() {
        send(orders, data.order(1, 1, "pending", 7, null, 2));
        send(items, data.item(11, 1, "სულგუნი"));
        send(items, data.item(12, 1, "Tomatoes"));

        OrderView view = single();
        assertThat(view.items()).extracting(i -> i.productName()).containsExactly("სულგუნი", "Tomatoes");
        assertThat(view.restaurant().name()).isEqualTo("ხაჭაპური House");
        assertThat(view.driver()).isNull();
        assertThat(view.reference()).isEqualTo("ORD-2026-000001");
        assertThat(sunk).containsExactly(view);
    }

    @Test
    void shouldWaitForItemsThatArriveBeforeTheirOrder() {
        send(items, data.item(11, 1, "Bread"));
        send(items, data.item(12, 1, "Milk"));
        assertThat(views.isEmpty()).isTrue();

        send(orders, data.order(1, 1, "pending", 7, null, 2));

        assertThat(single().items()).hasSize(2);
    }

    @Test
    void shouldNeverEmitAnOrderWithHalfItsItemsWhenATransactionIsSplitAcrossRecords() {
        send(orders, data.order(1, 1, "pending", 7, null, 3));
        send(items, data.item(11, 1, "Bread"));
        send(items, data.item(12, 1, "Milk"));
        assertThat(views.isEmpty()).as("2 of 3 items: nothing yet").isTrue();

        send(items, data.item(13, 1, "Eggs"));

        assertThat(single().items()).hasSize(3);
    }

    @Test
    void shouldEmitEveryStepThatCameBeforeTheItemsInOrder() {
        // Items come through a repartition topic, a commit later than their order: by then the
        // order may have been confirmed, assigned and started. The driver must hear each step.
        send(orders, data.order(1, 1, "pending", 7, null, 1));
        send(orders, data.order(1, 2, "confirmed", 7, null, 1));
        send(orders, data.order(1, 3, "confirmed", 7, 3L, 1));
        send(orders, data.order(1, 4, "preparing", 7, 3L, 1));
        assertThat(views.isEmpty()).as("no items yet: nothing").isTrue();

        send(items, data.item(11, 1, "Bread"));

        List<OrderView> emitted = views.readValuesToList();
        assertThat(emitted).extracting(OrderView::version).containsExactly(1L, 2L, 3L, 4L);
        assertThat(emitted).extracting(OrderView::status).containsExactly("pending", "confirmed", "confirmed", "preparing");
        assertThat(emitted).allSatisfy(view -> assertThat(view.items()).hasSize(1));
        assertThat(emitted.get(2).driver().name()).isEqualTo("Giorgi");
        assertThat(sunk).extracting(OrderView::version).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void shouldJoinADriverAssignedLater() {
        placeOrder(1, 7);
        send(orders, data.order(1, 2, "confirmed", 7, 3L, 1));

        OrderView view = last();
        assertThat(view.driverId()).isEqualTo(3L);
        assertThat(view.driver().name()).isEqualTo("Giorgi");
        assertThat(view.status()).isEqualTo("confirmed");
        assertThat(view.confirmedAt()).isNotNull();
    }

    @Test
    void shouldCarryTheRequestIdOfTheOrdersLastChangeIntoTheView() {
        send(orders, data.orderBy("place-1", 1, 1, "pending", 7, null, 1));
        send(items, data.item(11, 1, "Bread"));
        assertThat(last().requestId()).isEqualTo("place-1");

        send(orders, data.orderBy("confirm-1", 1, 2, "confirmed", 7, null, 1));
        assertThat(last().requestId()).isEqualTo("confirm-1");
        assertThat(sunk.getLast().requestId()).isEqualTo("confirm-1");

        send(restaurants, data.restaurant(7, "ხაჭაპური House 2")); // a rename is not a change of the order's own
        OrderView renamed = last();
        assertThat(renamed.restaurant().name()).isEqualTo("ხაჭაპური House 2");
        assertThat(renamed.requestId()).isEqualTo("confirm-1");

        send(orders, data.order(1, 3, "preparing", 7, null, 1)); // written outside a request
        assertThat(last().requestId()).isNull();
    }

    @Test
    void shouldUpdateEveryViewOfARenamedRestaurant() {
        placeOrder(1, 7);
        placeOrder(2, 7);
        views.readKeyValuesToList();

        send(restaurants, data.restaurant(7, "ხაჭაპური House 2")); // through the join only: the cache has not seen it

        List<KeyValue<Long, OrderView>> renamed = views.readKeyValuesToList();
        assertThat(renamed).extracting(kv -> kv.key).containsExactlyInAnyOrder(1L, 2L);
        assertThat(renamed).allSatisfy(kv -> assertThat(kv.value.restaurant().name()).isEqualTo("ხაჭაპური House 2"));
        assertThat(renamed.getFirst().value.version()).isEqualTo(1);
    }

    @Test
    void shouldFillInARestaurantAndDriverTheCacheHasNotSeenThroughTheJoins() {
        send(restaurants, data.restaurant(8, "Pizza Place"));
        send(drivers, data.driver(5, "Levan"));
        send(orders, data.order(1, 1, "pending", 8, null, 1));
        send(items, data.item(11, 1, "Bread"));
        send(orders, data.order(1, 2, "confirmed", 8, 5L, 1));

        OrderView view = last();
        assertThat(view.restaurant().name()).isEqualTo("Pizza Place");
        assertThat(view.driver().name()).isEqualTo("Levan");
        assertThat(view.version()).isEqualTo(2);
    }

    @Test
    void shouldEmitEachChangeOnceWhenTheCacheAlreadyKnowsTheNames() {
        placeOrder(1, 7);
        send(orders, data.order(1, 2, "confirmed", 7, 3L, 1));

        assertThat(views.readValuesToList()).extracting(OrderView::version).containsExactly(1L, 2L);
        assertThat(sunk).hasSize(2);
    }

    @Test
    void shouldEmitACancelledOrder() {
        placeOrder(1, 7);
        send(orders, data.order(1, 2, "cancelled", 7, null, 1));

        OrderView view = last();
        assertThat(view.status()).isEqualTo("cancelled");
        assertThat(view.cancelledAt()).isNotNull();
        assertThat(view.items()).hasSize(1);
    }

    @Test
    void shouldDropAnOutOfOrderDuplicate() {
        placeOrder(1, 7);
        ChangeEvent v2 = data.order(1, 2, "confirmed", 7, 3L, 1);
        send(orders, v2);
        send(orders, data.order(1, 3, "preparing", 7, 3L, 1));
        views.readValuesToList();

        send(orders, v2);
        send(orders, data.orderAt(1, 1, "pending", 7, null, 1, 5));

        assertThat(views.isEmpty()).isTrue();
        OrderState held = driver.<Long, OrderState>getKeyValueStore(OrderViewProjection.ORDER_STATE_STORE).get(1L);
        assertThat(held.emitted().version()).isEqualTo(3);
        assertThat(held.order().status()).isEqualTo("preparing");
    }

    @Test
    void shouldRunTheJoinsAgainOnlyWhenTheOrderPointsAtAnotherDriverOrRestaurant() {
        placeOrder(1, 7);
        send(orders, data.order(1, 2, "confirmed", 7, null, 1));
        assertThat(core(1).version()).as("a status change keeps the joined core").isEqualTo(1);

        send(orders, data.order(1, 3, "confirmed", 7, 3L, 1));
        send(orders, data.order(1, 4, "preparing", 7, 3L, 1));

        assertThat(core(1)).isEqualTo(new OrderCore(7, 3L, 3));
        assertThat(last().status()).isEqualTo("preparing");
    }

    private OrderCore core(long orderId) {
        return driver.<Long, OrderCore>getKeyValueStore(OrderViewProjection.ORDER_CORE_STORE).get(orderId);
    }

    @Test
    void shouldSendAMalformedRecordToTheDeadLetterTopicAndGoOn() {
        driver.createInputTopic(topics.cdc().orders().name(), Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer())
                .pipeInput("1".getBytes(), "{not json".getBytes());
        send(orders, new ChangeEvent(1, ge.dms.schemas.cdc.Op.CREATE, "orders", 2, null, Map.of("id", 2), 5, 1L, "x", 1L, null, false));
        placeOrder(3, 7);

        List<ProjectionDeadLetter> dead = StreamsTestSupport.output(driver, topics.deadLetter()).readValuesToList();
        assertThat(dead).hasSize(2);
        assertThat(dead.getFirst().sourceTopic()).isEqualTo(topics.cdc().orders().name());
        assertThat(dead.getFirst().reason()).contains("cannot read ChangeEvent");
        assertThat(dead.get(1).reason()).contains("orders.status is missing");
        assertThat(single().orderId()).isEqualTo(3L);
    }

    @Test
    void shouldRecordSinkWriteLatencyAndAppliedChangeAge() {
        placeOrder(1, 7);

        assertThat(driver.metrics().keySet()).extracting(m -> m.group() + "/" + m.name())
                .contains("stream-order-view-sink-metrics/write-latency-max",
                        "stream-order-view-sink-metrics/applied-change-age-latency-max");
    }

    private void placeOrder(long orderId, long restaurantId) {
        send(orders, data.order(orderId, 1, "pending", restaurantId, null, 1));
        send(items, data.item(orderId * 10 + 1, orderId, "Bread"));
    }

    private OrderView single() {
        List<OrderView> out = views.readValuesToList();
        assertThat(out).hasSize(1);
        return out.getFirst();
    }

    private OrderView last() {
        List<OrderView> out = views.readValuesToList();
        assertThat(out).isNotEmpty();
        return out.getLast();
    }

    private void sendAndCache(TestInputTopic<Long, ChangeEvent> topic, ChangeEvent event) {
        send(topic, event);
        cache.apply(event);
    }

    private static void send(TestInputTopic<Long, ChangeEvent> topic, ChangeEvent event) {
        topic.pipeInput(event.id(), event);
    }
}
