package ge.dms.schemas.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ge.dms.schemas.ProjectionTopics;
import ge.dms.schemas.event.OrderEvent;
import ge.dms.schemas.event.OrderEventType;
import ge.dms.schemas.event.ProjectionDeadLetter;
import ge.dms.schemas.serde.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the projections' JSON Schema files, records and frozen v1 samples in agreement: a change
 * that would break an existing consumer of the view, event or dead-letter topics fails here.
 */
class ViewContractCompatibilityTest {

    /**
     * Fields added to a v1 contract after its samples were frozen: optional in the schema (documents written before
     * lack them), null when absent. Adding one is the compatible change {@code docs/topics.md} allows.
     */
    private static final Map<Class<?>, Set<String>> ADDED_TO_V1 = Map.of(OrderView.class, Set.of("requestId"));

    @ParameterizedTest
    @CsvSource({
            "order-view.v1.schema.json, view/order-view.v1.json, ge.dms.schemas.view.OrderView",
            "board-row.v1.schema.json, view/board-row.v1.json, ge.dms.schemas.view.BoardRow",
            "product-view.v1.schema.json, view/product-view.v1.json, ge.dms.schemas.view.ProductView",
            "order-event.v1.schema.json, view/order-event.v1.json, ge.dms.schemas.event.OrderEvent",
            "projection-dead-letter.v1.schema.json, view/projection-dead-letter.v1.json, ge.dms.schemas.event.ProjectionDeadLetter"})
    void shouldReadFrozenV1SamplesAndWriteThemBackUnchanged(String schemaFile, String sampleFile, Class<?> type) throws IOException {
        JsonNode schema = read(schemaFile);
        JsonNode sample = read(sampleFile);
        assertThat(missingRequired(schema, sample)).as("sample has every required field").isEmpty();

        ObjectNode written = Json.mapper().valueToTree(Json.mapper().treeToValue(sample, type));
        for (String added : ADDED_TO_V1.getOrDefault(type, Set.of())) {
            assertThat(written.get(added).isNull()).as("%s, absent from the frozen sample, reads as null", added).isTrue();
            written.remove(added);
        }

        assertThat(written).as("nothing a v1 consumer relies on is lost or renamed").isEqualTo(sample);
    }

    @ParameterizedTest
    @CsvSource({
            "order-view.v1.schema.json, ge.dms.schemas.view.OrderView",
            "board-row.v1.schema.json, ge.dms.schemas.view.BoardRow",
            "product-view.v1.schema.json, ge.dms.schemas.view.ProductView",
            "order-event.v1.schema.json, ge.dms.schemas.event.OrderEvent",
            "projection-dead-letter.v1.schema.json, ge.dms.schemas.event.ProjectionDeadLetter"})
    void shouldDeclareExactlyTheRecordsFieldsInTheSchema(String schemaFile, Class<?> type) throws IOException {
        JsonNode schema = read(schemaFile);
        Set<String> declared = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(declared::add);
        Set<String> required = new TreeSet<>();
        schema.get("required").forEach(r -> required.add(r.asText()));
        Set<String> components = Arrays.stream(type.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> requiredComponents = new TreeSet<>(components);
        requiredComponents.removeAll(ADDED_TO_V1.getOrDefault(type, Set.of()));

        assertThat(declared).isEqualTo(components);
        assertThat(required).isEqualTo(requiredComponents);
    }

    @Test
    void shouldIgnoreFieldsAddedByALaterMinorVersion() throws IOException {
        ObjectNode sample = (ObjectNode) read("view/order-view.v1.json");
        sample.put("addedLater", "ignored by v1 readers");

        OrderView view = Json.mapper().treeToValue(sample, OrderView.class);

        assertThat(view.totalAmount()).isEqualByComparingTo(new BigDecimal("125.50"));
        assertThat(view.restaurant().city()).isEqualTo("თბილისი");
    }

    @Test
    void shouldCarryTheRequestIdOfTheOrdersLastChange() throws IOException {
        ObjectNode node = (ObjectNode) read("view/order-view.v1.json");
        node.put("requestId", "0d9f6c1e-6f0b-4e3a-9d55-2b7c1a2f0e11");
        var topic = ProjectionTopics.withPrefix("t1.").orderViews();

        OrderView view = Json.mapper().treeToValue(node, OrderView.class);
        OrderView back = topic.valueSerde().deserializer().deserialize(topic.name(),
                topic.valueSerde().serializer().serialize(topic.name(), view));

        assertThat(back.requestId()).isEqualTo("0d9f6c1e-6f0b-4e3a-9d55-2b7c1a2f0e11");
        assertThat(Json.mapper().<JsonNode>valueToTree(back)).isEqualTo(node);
        assertThat(node.get("requestId").asText()).matches(read("order-view.v1.schema.json")
                .at("/properties/requestId/pattern").asText());
        assertThat(Json.mapper().treeToValue(read("view/order-view.v1.json"), OrderView.class).requestId())
                .as("a view written before the field existed").isNull();
    }

    @Test
    void shouldRoundTripThroughTheTopicSerdes() throws IOException {
        OrderView view = Json.mapper().treeToValue(read("view/order-view.v1.json"), OrderView.class);
        var topic = ProjectionTopics.withPrefix("t1.").orderViews();

        OrderView back = topic.valueSerde().deserializer().deserialize(topic.name(),
                topic.valueSerde().serializer().serialize(topic.name(), view));

        assertThat(back).isEqualTo(view);
        assertThat(topic.name()).isEqualTo("t1.dms.views.orders");
    }

    @Test
    void shouldOrderViewsByVersionThenByEveryLsn() throws IOException {
        OrderView v5 = sample(Map.of());
        OrderView renamed = sample(Map.of("restaurantLsn", 1500L));
        OrderView lateRename = sample(Map.of("restaurantLsn", 1500L, "sourceLsn", 123456L));
        OrderView staleRestaurant = sample(Map.of("restaurantLsn", 900L, "driverLsn", 2500L));
        OrderView v4 = sample(Map.of("version", 4L, "sourceLsn", 999999L));
        OrderView v6 = sample(Map.of("version", 6L, "driverLsn", 10L));

        assertThat(renamed.isNewerThan(v5)).isTrue();
        assertThat(lateRename.isNewerThan(v5)).as("a rename with an LSN below the order's still applies").isTrue();
        assertThat(v5.isNewerThan(renamed)).isFalse();
        assertThat(staleRestaurant.isNewerThan(v5)).as("one LSN went back").isFalse();
        assertThat(v4.isNewerThan(v5)).isFalse();
        assertThat(v5.isNewerThan(v5)).isFalse();
        assertThat(v6.isNewerThan(v5)).as("a new version may join another driver with a lower LSN").isTrue();
    }

    private static OrderView sample(Map<String, Long> overrides) throws IOException {
        ObjectNode node = (ObjectNode) read("view/order-view.v1.json");
        overrides.forEach(node::put);
        return Json.mapper().treeToValue(node, OrderView.class);
    }

    @Test
    void shouldDeriveTheFrozenBoardRowFromTheFrozenView() throws IOException {
        OrderView view = Json.mapper().treeToValue(read("view/order-view.v1.json"), OrderView.class);

        BoardRow row = BoardRow.of(view);

        assertThat(Json.mapper().readTree(row.toJson())).isEqualTo(read("view/board-row.v1.json"));
    }

    @Test
    void shouldSplitTheStoredBoardRowWithoutParsingItsJson() throws IOException {
        BoardRow row = Json.mapper().treeToValue(read("view/board-row.v1.json"), BoardRow.class);

        BoardRow.Stored stored = BoardRow.Stored.decode(row.stored());

        assertThat(row.stored()).startsWith("1795345200123|out_for_delivery|{");
        assertThat(stored.commitMillis()).isEqualTo(row.sourceCommitTime().toEpochMilli());
        assertThat(stored.status()).isEqualTo("out_for_delivery");
        assertThat(stored.json()).isEqualTo(row.toJson());
        BoardRow unknownCommit = Json.mapper().treeToValue(
                ((ObjectNode) read("view/board-row.v1.json")).putNull("sourceCommitTime"), BoardRow.class);
        assertThat(BoardRow.Stored.decode(unknownCommit.stored()).commitMillis()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void shouldMapEveryStatusToAnEvent() {
        for (String status : new String[] {"pending", "confirmed", "preparing", "ready", "out_for_delivery", "delivered", "cancelled"}) {
            assertThat(OrderEventType.forStatus(status)).as(status).isNotNull();
        }
        assertThat(OrderEventType.forStatus("lost")).isNull();
        assertThat(OrderEvent.SCHEMA_VERSION).isEqualTo(ProjectionDeadLetter.SCHEMA_VERSION);
    }

    private static Set<String> missingRequired(JsonNode schema, JsonNode value) {
        Set<String> missing = new TreeSet<>();
        schema.get("required").forEach(r -> {
            if (!value.has(r.asText())) {
                missing.add(r.asText());
            }
        });
        return missing;
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = ViewContractCompatibilityTest.class.getResourceAsStream("/ge/dms/schemas/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            return Json.mapper().readTree(in);
        }
    }
}
