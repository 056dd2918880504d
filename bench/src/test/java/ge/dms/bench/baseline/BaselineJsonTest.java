package ge.dms.bench.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ge.dms.bench.analytics.KpiRange;
import ge.dms.bench.analytics.Kpis;
import ge.dms.schemas.view.BoardRow;
import ge.dms.schemas.view.DriverRef;
import ge.dms.schemas.view.OrderItemView;
import ge.dms.schemas.view.OrderView;
import ge.dms.schemas.view.RestaurantRef;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The baseline answers in the query API's shapes: the contracts' JSON Schemas for rows and views, the API's KPI members. */
class BaselineJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-11-20T08:15:30.123456Z");

    @Test
    void shouldWriteABoardPageAsTheQueryApiDoesWithRowsOfTheBoardRowSchema() throws Exception {
        BoardRow row = new BoardRow(BoardRow.SCHEMA_VERSION, 45, "ORD-2026-000045", "pending", 7, "სახინკლე", null, null, 3,
                new BigDecimal("12.50"), AT, AT, AT, 1, null);

        JsonNode page = JSON.readTree(BaselineBoard.json(List.of(row), "cDE6MTox"));

        assertThat(fields(page)).containsExactly("nextCursor", "orders");
        assertThat(page.path("nextCursor").asText()).isEqualTo("cDE6MTox");
        assertThat(fields(page.path("orders").get(0))).isEqualTo(schemaProperties("board-row.v1.schema.json"));
        assertThat(page.path("orders").get(0).path("totalAmount").isTextual()).as("GEL as a decimal string").isTrue();
        assertThat(JSON.readTree(BaselineBoard.json(List.of(), null)).path("nextCursor").isNull()).isTrue();
    }

    @Test
    void shouldWriteAnOrderWithTheFieldsOfTheOrderViewSchema() throws Exception {
        OrderView view = new OrderView(OrderView.SCHEMA_VERSION, 45, "ORD-2026-000045", "out_for_delivery", 7,
                new RestaurantRef(7, "სახინკლე", "რუსთაველის 1", "თბილისი", "+995 555 00 00 01"), 3L,
                new DriverRef(3, "გიორგი", "+995 591 00 00 03", "Ford Transit"), "ვაკე", AT, null, new BigDecimal("12.50"), 1,
                List.of(new OrderItemView(1, 9L, "პომიდორი", new BigDecimal("5.00"), new BigDecimal("2.500"), new BigDecimal("12.50"))),
                4, AT, AT, AT, AT, AT, null, null, 0, 0, 0, null, "req-1");

        JsonNode json = JSON.readTree(BaselineOrders.json(view));

        assertThat(fields(json)).isEqualTo(schemaProperties("order-view.v1.schema.json"));
        assertThat(fields(json.path("restaurant"))).containsExactly("address", "city", "id", "name", "phone");
        assertThat(fields(json.path("driver"))).containsExactly("id", "name", "phone", "vehicle");
        assertThat(fields(json.path("items").get(0))).containsExactly("itemId", "lineTotal", "productId", "productName", "quantity",
                "unitPrice");
    }

    @Test
    void shouldWriteTheKpisWithTheQueryApisMembersAndFiguresTheBenchReadsBack() throws Exception {
        Map<String, Long> statuses = new TreeMap<>(Map.of("cancelled", 2L, "delivered", 8L));
        Kpis exact = new Kpis(10, statuses, new BigDecimal("812.40"), 8, new Kpis.Timing(7, new BigDecimal("1830.5"), 1790L, 3601L),
                new Kpis.Timing(8, new BigDecimal("9000.0"), 8800L, 12000L), 6, 8);
        KpiRange range = new KpiRange(LocalDate.parse("2026-06-04"), LocalDate.parse("2026-12-05"), 7L);

        JsonNode body = JSON.readTree(BaselineKpis.json(BaselineKpis.body(range, exact)));

        assertThat(fields(body)).containsExactly("deliveryTime", "from", "onTime", "orders", "restaurantId", "revenue",
                "statusDistribution", "to");
        assertThat(fields(body.path("revenue"))).containsExactly("averageOrderValue", "deliveredOrders", "total");
        assertThat(fields(body.path("deliveryTime"))).containsExactly("createdToDelivery", "pickupToDelivery");
        assertThat(fields(body.path("deliveryTime").path("pickupToDelivery")))
                .containsExactly("count", "meanSeconds", "p50MinutesAtMost", "p90MinutesAtMost");
        assertThat(fields(body.path("onTime"))).containsExactly("eligible", "onTime", "rate");
        assertThat(body.path("revenue").path("averageOrderValue").asText()).isEqualTo("101.55");
        assertThat(body.path("onTime").path("rate").decimalValue()).isEqualByComparingTo("0.7500");
        // Exact seconds, rounded up to the minute the value is at most: 1790 s is within 30 min, 3601 s within 61.
        assertThat(body.path("deliveryTime").path("pickupToDelivery").path("p50MinutesAtMost").asLong()).isEqualTo(30);
        assertThat(body.path("deliveryTime").path("pickupToDelivery").path("p90MinutesAtMost").asLong()).isEqualTo(61);
        Kpis read = Kpis.fromApi(body);
        assertThat(read.orders()).isEqualTo(10);
        assertThat(read.statuses()).isEqualTo(statuses);
        assertThat(read.revenue()).isEqualByComparingTo("812.40");
        assertThat(read.onTime()).isEqualTo(6);
        assertThat(read.pickup().meanSeconds()).isEqualByComparingTo("1830.5");
    }

    @Test
    void shouldGiveNoMeanOrPercentileWithoutDeliveries() throws Exception {
        Kpis none = new Kpis(0, Map.of(), BigDecimal.ZERO, 0, new Kpis.Timing(0, null, null, null), new Kpis.Timing(0, null, null, null), 0, 0);

        JsonNode body = JSON.readTree(BaselineKpis.json(BaselineKpis.body(new KpiRange(LocalDate.parse("2026-06-04"),
                LocalDate.parse("2026-12-05"), null), none)));

        assertThat(body.path("restaurantId").isNull()).isTrue();
        assertThat(body.path("revenue").path("averageOrderValue").asText()).isEqualTo("0.00");
        assertThat(body.path("onTime").path("rate").isNull()).isTrue();
        assertThat(body.path("deliveryTime").path("createdToDelivery").path("p50MinutesAtMost").isNull()).isTrue();
    }

    private static Set<String> fields(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> schemaProperties(String file) throws Exception {
        try (InputStream in = OrderView.class.getResourceAsStream("/ge/dms/schemas/" + file)) {
            assertThat(in).as(file).isNotNull();
            return fields(JSON.readTree(in).path("properties"));
        }
    }
}
