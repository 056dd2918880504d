package ge.dms.projection.events;

import ge.dms.projection.StreamsTestSupport;
import ge.dms.projection.TestData;
import ge.dms.schemas.ProjectionTopics;
import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.event.OrderEvent;
import ge.dms.schemas.event.OrderEventType;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderEventsProjectionTest {

    private final ProjectionTopics topics = ProjectionTopics.standard();
    private final TestData data = new TestData();
    private TopologyTestDriver driver;
    private TestInputTopic<Long, ChangeEvent> statusChanges;
    private TestInputTopic<Long, ChangeEvent> orders;
    private TestOutputTopic<Long, OrderEvent> events;

    @BeforeEach
    void startDriver() {
        driver = new TopologyTestDriver(OrderEventsProjection.build(topics), StreamsTestSupport.properties());
        statusChanges = StreamsTestSupport.input(driver, topics.cdc().orderStatusChanges());
        orders = StreamsTestSupport.input(driver, topics.cdc().orders());
        events = StreamsTestSupport.output(driver, topics.orderEvents());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldTurnTheStatusLogIntoBusinessEventsKeyedByOrder() {
        send(statusChanges, data.statusChange(1, 9, null, "pending"));
        send(statusChanges, data.statusChange(2, 9, "pending", "confirmed"));
        send(statusChanges, data.statusChange(3, 9, "confirmed", "cancelled"));

        var out = events.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key).containsOnly(9L);
        assertThat(out).extracting(kv -> kv.value.type())
                .containsExactly(OrderEventType.OrderPlaced, OrderEventType.OrderConfirmed, OrderEventType.OrderCancelled);
        assertThat(out.getLast().value.reason()).isEqualTo("restaurant closed");
        assertThat(out.getLast().value.eventId()).isEqualTo("status-change:3");
    }

    @Test
    void shouldDropReplayedStatusChanges() {
        ChangeEvent confirmed = data.statusChange(2, 9, "pending", "confirmed");
        send(statusChanges, confirmed);
        send(statusChanges, confirmed);

        assertThat(events.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldEmitDriverAssignedOnAssignmentAndReassignmentOnly() {
        send(orders, data.order(9, 1, "pending", 7, null, 1));
        send(orders, data.order(9, 2, "confirmed", 7, null, 1));
        send(orders, data.order(9, 3, "confirmed", 7, 3L, 1));
        send(orders, data.order(9, 4, "preparing", 7, 3L, 1));
        send(orders, data.order(9, 5, "preparing", 7, 4L, 1));
        send(orders, data.order(9, 3, "confirmed", 7, 3L, 1));

        List<OrderEvent> out = events.readValuesToList();
        assertThat(out).extracting(OrderEvent::type).containsOnly(OrderEventType.DriverAssigned);
        assertThat(out).extracting(OrderEvent::driverId).containsExactly(3L, 4L);
        assertThat(out.getLast().previousDriverId()).isEqualTo(3L);
    }

    private static void send(TestInputTopic<Long, ChangeEvent> topic, ChangeEvent event) {
        topic.pipeInput(event.id(), event);
    }
}
