package ge.dms.projection.orderview;

import ge.dms.projection.TestData;
import ge.dms.projection.source.DriverRow;
import ge.dms.projection.source.ItemRow;
import ge.dms.projection.source.OrderRow;
import ge.dms.projection.source.RestaurantRow;
import ge.dms.projection.source.RowParser;
import ge.dms.schemas.serde.JsonSerde;
import ge.dms.schemas.view.OrderView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OrderStateSerdeTest {

    /** The state as it was written before it kept only a mark of the last view: the whole view under "emitted". */
    record StateWithWholeView(OrderRow order, Map<Long, ItemRow> items, RestaurantRow restaurant, DriverRow driver,
                              OrderView emitted, List<OrderRow> waiting) {
    }

    private final TestData data = new TestData();

    @Test
    void shouldReadAStateWrittenWithTheWholeLastViewAsItsMark() {
        OrderState whole = OrderState.empty()
                .withOrder(RowParser.order(data.order(1, 3, "preparing", 7, 3L, 1)))
                .withItem(RowParser.item(data.item(11, 1, "ხორბლის ფქვილი")))
                .withReferences(RowParser.restaurant(data.restaurant(7, "მადლობა")), RowParser.driver(data.driver(3, "გიორგი")));
        OrderView view = OrderViews.of(whole);
        byte[] written = JsonSerde.withDataKeys(StateWithWholeView.class).serialize("changelog", new StateWithWholeView(
                whole.order(), whole.items(), whole.restaurant(), whole.driver(), view, List.of()));

        OrderState read = JsonSerde.withDataKeys(OrderState.class).deserialize("changelog", written);

        assertThat(read.emitted()).isEqualTo(new EmittedMark(3, view.sourceLsn(), view.restaurantLsn(), view.driverLsn()));
        assertThat(read.order()).isEqualTo(whole.order());
        assertThat(read.items()).isEqualTo(whole.items());
        assertThat(OrderViews.next(read)).as("the same view is not emitted again").isEmpty();
    }

    @Test
    void shouldWriteOnlyTheMarkOfTheLastView() {
        OrderState state = OrderState.empty()
                .withOrder(RowParser.order(data.order(1, 2, "confirmed", 7, null, 1)))
                .withItem(RowParser.item(data.item(11, 1, "ხორბლის ფქვილი")));
        OrderState emitted = state.withEmitted(OrderViews.of(state));

        String json = new String(JsonSerde.withDataKeys(OrderState.class).serialize("changelog", emitted));

        assertThat(json).contains("\"emitted\":{\"version\":2,");
        assertThat(json.split("ხორბლის ფქვილი", -1)).as("the item's name once, in items, not again in a view").hasSize(2);
    }
}
