package ge.dms.projection.analytics;

import ge.dms.projection.StreamsTestSupport;
import ge.dms.schemas.ProjectionTopics;
import ge.dms.schemas.view.OrderView;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyticsProjectionTest {

    private static final Instant CREATED = Instant.parse("2026-11-22T08:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-11-22");

    private final ProjectionTopics topics = ProjectionTopics.standard();
    private final Map<AnalyticsKey, DailyFigures> written = new HashMap<>();
    private TopologyTestDriver driver;
    private TestInputTopic<Long, OrderView> views;
    private KeyValueStore<AnalyticsKey, DailyFigures> byRestaurant;
    private KeyValueStore<AnalyticsKey, DailyFigures> byDriver;
    private KeyValueStore<AnalyticsKey, DailyFigures> allOrders;

    @BeforeEach
    void startDriver() {
        driver = new TopologyTestDriver(AnalyticsProjection.build(topics, written::put), StreamsTestSupport.properties());
        views = StreamsTestSupport.input(driver, topics.orderViews());
        byRestaurant = driver.getKeyValueStore(AnalyticsProjection.RESTAURANT_DAY_STORE);
        byDriver = driver.getKeyValueStore(AnalyticsProjection.DRIVER_DAY_STORE);
        allOrders = driver.getKeyValueStore(AnalyticsProjection.ALL_DAY_STORE);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldMoveAnOrderBetweenStatusesInsteadOfCountingItTwice() {
        send(view(1, 1, "pending", null, null, null));
        send(view(1, 2, "confirmed", 3L, null, null));
        send(view(2, 1, "pending", null, null, null));

        DailyFigures figures = byRestaurant.get(restaurantDay());
        assertThat(figures.orders()).isEqualTo(2);
        assertThat(figures.byStatus()).containsExactlyInAnyOrderEntriesOf(Map.of("pending", 1L, "confirmed", 1L));
        assertThat(written.get(restaurantDay())).isEqualTo(figures);
    }

    @Test
    void shouldCountDeliveredRevenueDeliveryTimesAndOnTime() {
        send(view(1, 5, "delivered", 3L, CREATED.plusSeconds(1800), CREATED.plusSeconds(2400)));
        send(view(2, 5, "delivered", 3L, CREATED.plusSeconds(1800), CREATED.plusSeconds(7200)));

        DailyFigures f = byRestaurant.get(restaurantDay());
        assertThat(f.deliveredCount()).isEqualTo(2);
        assertThat(f.deliveredRevenue()).isEqualByComparingTo("51.00");
        assertThat(f.averageDeliveredValue()).isEqualByComparingTo("25.50");
        assertThat(f.pickupToDeliveryCount()).isEqualTo(2);
        assertThat(f.pickupToDeliverySeconds()).isEqualTo(600 + 5400);
        assertThat(f.createdToDeliverySeconds()).isEqualTo(2400 + 7200);
        assertThat(f.onTimeEligible()).isEqualTo(2);
        assertThat(f.onTimeCount()).as("requested at +1 h").isEqualTo(1);
        assertThat(DailyFigures.percentileMinutes(f.pickupToDeliveryHistogram(), 0.5)).isEqualTo(10);
        assertThat(DailyFigures.percentileMinutes(f.pickupToDeliveryHistogram(), 0.9)).isEqualTo(90);
        assertThat(byDriver.get(new AnalyticsKey(AnalyticsKey.DRIVER, 3, DAY)).deliveredCount()).isEqualTo(2);
    }

    @Test
    void shouldTakeRevenueBackWhenADeliveredOrderIsCorrectedOrCancelled() {
        send(view(1, 5, "delivered", 3L, CREATED.plusSeconds(1800), CREATED.plusSeconds(2400)));
        send(view(1, 6, "cancelled", 3L, CREATED.plusSeconds(1800), null));

        DailyFigures f = byRestaurant.get(restaurantDay());
        assertThat(f.deliveredCount()).isZero();
        assertThat(f.deliveredRevenue()).isEqualByComparingTo("0");
        assertThat(f.pickupToDeliveryHistogram()).allMatch(n -> n == 0);
        assertThat(f.byStatus()).containsExactlyEntriesOf(Map.of("cancelled", 1L));
    }

    @Test
    void shouldIgnoreReplaysAndOlderVersions() {
        OrderView confirmed = view(1, 2, "confirmed", 3L, null, null);
        send(confirmed);
        send(confirmed);
        send(view(1, 1, "pending", null, null, null));

        DailyFigures f = byRestaurant.get(restaurantDay());
        assertThat(f.orders()).isEqualTo(1);
        assertThat(f.byStatus()).containsExactlyEntriesOf(Map.of("confirmed", 1L));
    }

    @Test
    void shouldMoveDriverFiguresWhenTheOrderIsReassigned() {
        send(view(1, 2, "confirmed", 3L, null, null));
        send(view(1, 3, "confirmed", 4L, null, null));

        assertThat(byDriver.get(new AnalyticsKey(AnalyticsKey.DRIVER, 3, DAY)).orders()).isZero();
        assertThat(byDriver.get(new AnalyticsKey(AnalyticsKey.DRIVER, 4, DAY)).orders()).isEqualTo(1);
    }

    @Test
    void shouldCutDaysAtMidnightInTbilisi() {
        OrderView lateEvening = withCreated(view(1, 1, "pending", null, null, null), Instant.parse("2026-11-21T20:30:00Z"));
        send(lateEvening);

        assertThat(byRestaurant.get(new AnalyticsKey(AnalyticsKey.RESTAURANT, 7, DAY)).orders())
                .as("00:30 in Tbilisi (UTC+4) is the next day").isEqualTo(1);
    }

    @Test
    void shouldSumEveryRestaurantOfTheDayIntoOneAllOrdersRow() {
        send(view(1, 5, "delivered", 3L, CREATED.plusSeconds(1800), CREATED.plusSeconds(2400)));
        send(inRestaurant(view(2, 5, "delivered", 4L, CREATED.plusSeconds(1800), CREATED.plusSeconds(7200)), 8));
        send(inRestaurant(view(3, 1, "pending", null, null, null), 9));

        DailyFigures all = allOrders.get(allDay());
        DailyFigures sum = byRestaurant.get(restaurantDay())
                .plus(byRestaurant.get(new AnalyticsKey(AnalyticsKey.RESTAURANT, 8, DAY)))
                .plus(byRestaurant.get(new AnalyticsKey(AnalyticsKey.RESTAURANT, 9, DAY)));
        assertThat(all).isEqualTo(sum);
        assertThat(all.orders()).isEqualTo(3);
        assertThat(all.byStatus()).containsExactlyInAnyOrderEntriesOf(Map.of("delivered", 2L, "pending", 1L));
        assertThat(all.deliveredRevenue()).isEqualByComparingTo("51.00");
        assertThat(DailyFigures.percentileMinutes(all.pickupToDeliveryHistogram(), 0.9)).isEqualTo(90);
        assertThat(written.get(allDay())).isEqualTo(all);
    }

    @Test
    void shouldMoveAnOrderWithinTheAllOrdersRowInsteadOfCountingItTwice() {
        send(view(1, 1, "pending", null, null, null));
        send(view(1, 2, "confirmed", 3L, null, null));
        send(view(1, 5, "delivered", 3L, CREATED.plusSeconds(1800), CREATED.plusSeconds(2400)));
        send(view(1, 5, "delivered", 3L, CREATED.plusSeconds(1800), CREATED.plusSeconds(2400)));
        send(view(1, 6, "cancelled", 3L, CREATED.plusSeconds(1800), null));

        DailyFigures all = allOrders.get(allDay());
        assertThat(all.orders()).isEqualTo(1);
        assertThat(all.byStatus()).containsExactlyEntriesOf(Map.of("cancelled", 1L));
        assertThat(all.deliveredCount()).isZero();
        assertThat(all.deliveredRevenue()).isEqualByComparingTo("0");
        assertThat(all.createdToDeliveryHistogram()).allMatch(n -> n == 0);
        assertThat(written.get(allDay())).isEqualTo(all);
    }

    @Test
    void shouldCountAnOrderInTheAllOrdersRowOfItsTbilisiDay() {
        send(withCreated(view(1, 1, "pending", null, null, null), Instant.parse("2026-11-21T20:30:00Z")));
        send(withCreated(view(2, 1, "pending", null, null, null), Instant.parse("2026-11-21T19:30:00Z")));

        assertThat(allOrders.get(allDay()).orders()).as("00:30 in Tbilisi").isEqualTo(1);
        assertThat(allOrders.get(new AnalyticsKey(AnalyticsKey.ALL, AnalyticsKey.ALL_ID, DAY.minusDays(1))).orders())
                .as("23:30 in Tbilisi").isEqualTo(1);
    }

    @Test
    void shouldKeyEveryOrderByRestaurantAllOrdersAndDriverWhenItHasOne() {
        assertThat(AnalyticsProjection.keysOf(view(1, 1, "pending", null, null, null)))
                .containsExactly(restaurantDay(), allDay());
        assertThat(AnalyticsProjection.keysOf(view(1, 2, "confirmed", 3L, null, null)))
                .containsExactly(restaurantDay(), new AnalyticsKey(AnalyticsKey.DRIVER, 3, DAY), allDay());
    }

    private static AnalyticsKey allDay() {
        return new AnalyticsKey(AnalyticsKey.ALL, AnalyticsKey.ALL_ID, DAY);
    }

    private AnalyticsKey restaurantDay() {
        return new AnalyticsKey(AnalyticsKey.RESTAURANT, 7, DAY);
    }

    private void send(OrderView view) {
        views.pipeInput(view.orderId(), view);
    }

    private static OrderView view(long id, long version, String status, Long driverId, Instant pickedUp, Instant delivered) {
        return new OrderView(1, id, "ORD-" + id, status, 7, null, driverId, null, "addr", CREATED.plusSeconds(3600), null,
                new BigDecimal("25.50"), 1, List.of(), version, CREATED, CREATED, null, null, pickedUp, delivered,
                null, 1000 + version, 0, 0, CREATED);
    }

    private static OrderView inRestaurant(OrderView v, long restaurantId) {
        return new OrderView(1, v.orderId(), v.reference(), v.status(), restaurantId, null, v.driverId(), null,
                v.deliveryAddress(), v.requestedDeliveryAt(), null, v.totalAmount(), 1, List.of(), v.version(), v.createdAt(),
                v.updatedAt(), null, null, v.pickedUpAt(), v.deliveredAt(), null, v.sourceLsn(), 0, 0, v.createdAt());
    }

    private static OrderView withCreated(OrderView v, Instant created) {
        return new OrderView(1, v.orderId(), v.reference(), v.status(), v.restaurantId(), null, v.driverId(), null,
                v.deliveryAddress(), v.requestedDeliveryAt(), null, v.totalAmount(), 1, List.of(), v.version(), created,
                created, null, null, null, null, null, v.sourceLsn(), 0, 0, created);
    }
}
