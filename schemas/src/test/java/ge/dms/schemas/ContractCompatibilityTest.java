package ge.dms.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.cdc.DeadLetter;
import ge.dms.schemas.cdc.Op;
import ge.dms.schemas.cdc.TransactionEvent;
import ge.dms.schemas.serde.Json;
import ge.dms.schemas.serde.JsonSerde;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the JSON Schema files, the Java records and the v1 samples (frozen copies of what was
 * published) in agreement: a change that would break an existing consumer fails here.
 */
class ContractCompatibilityTest {

    @ParameterizedTest
    @CsvSource({
            "cdc-change-event.v1.schema.json, samples/change-event.v1.json, ge.dms.schemas.cdc.ChangeEvent",
            "cdc-change-event.v1.schema.json, samples/change-event-snapshot.v1.json, ge.dms.schemas.cdc.ChangeEvent",
            "cdc-transaction-event.v1.schema.json, samples/transaction-event-end.v1.json, ge.dms.schemas.cdc.TransactionEvent",
            "cdc-dead-letter.v1.schema.json, samples/dead-letter.v1.json, ge.dms.schemas.cdc.DeadLetter"})
    void shouldReadPublishedV1SamplesAndWriteThemBackUnchanged(String schemaFile, String sampleFile, Class<?> type) throws IOException {
        JsonNode schema = read(schemaFile);
        JsonNode sample = read(sampleFile);
        assertThat(violations(schema, sample)).as("sample valid against its schema").isEmpty();

        Object record = Json.mapper().treeToValue(sample, type);
        JsonNode written = Json.mapper().valueToTree(record);

        assertThat(violations(schema, written)).as("record output valid against the schema").isEmpty();
        assertThat(written).as("nothing a v1 consumer relies on is lost or renamed").isEqualTo(sample);
    }

    @ParameterizedTest
    @CsvSource({
            "cdc-change-event.v1.schema.json, ge.dms.schemas.cdc.ChangeEvent",
            "cdc-transaction-event.v1.schema.json, ge.dms.schemas.cdc.TransactionEvent",
            "cdc-dead-letter.v1.schema.json, ge.dms.schemas.cdc.DeadLetter"})
    void shouldDeclareExactlyTheRecordsFieldsInTheSchema(String schemaFile, Class<?> type) throws IOException {
        JsonNode schema = read(schemaFile);
        Set<String> declared = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(declared::add);
        Set<String> components = Arrays.stream(type.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> required = new TreeSet<>();
        schema.get("required").forEach(r -> required.add(r.asText()));

        assertThat(declared).isEqualTo(components);
        assertThat(required).isEqualTo(components);
    }

    @Test
    void shouldIgnoreFieldsAddedByALaterMinorVersion() throws IOException {
        ObjectNode sample = (ObjectNode) read("samples/change-event.v1.json");
        sample.put("addedLater", "ignored by v1 readers");

        ChangeEvent event = Json.mapper().treeToValue(sample, ChangeEvent.class);

        assertThat(event.op()).isEqualTo(Op.UPDATE);
        assertThat(event.after()).containsEntry("notes", "ხაჭაპური").containsEntry("total_amount", "125.50");
    }

    @Test
    void shouldRoundTripThroughTheTopicSerdesWithoutPrecisionLoss() {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("id", 9L);
        after.put("total_amount", "12345678901.99");
        after.put("exact", new BigDecimal("0.10000000000000000001"));
        ChangeEvent event = new ChangeEvent(1, Op.CREATE, "orders", 9, null, after, 99L, 5L, "5", 1L,
                Instant.parse("2026-11-22T10:00:00.000123Z"), false);
        Topic<Long, ChangeEvent> topic = Topics.ORDERS;

        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), event);
        ChangeEvent back = topic.valueSerde().deserializer().deserialize(topic.name(), bytes);

        assertThat(back).isEqualTo(event);
        assertThat(new String(topic.keySerde().serializer().serialize(topic.name(), 9L))).isEqualTo("9");
        assertThat(topic.keySerde().deserializer().deserialize(topic.name(), "9".getBytes())).isEqualTo(9L);
    }

    @Test
    void shouldWriteTransactionAndDeadLetterEventsValidAgainstTheirSchemas() throws IOException {
        var tx = new TransactionEvent(1, TransactionEvent.Status.BEGIN, "5", null, null, Instant.EPOCH);
        var dead = new DeadLetter(1, null, null, "no id", null, Instant.EPOCH);
        JsonNode txJson = Json.mapper().readTree(new JsonSerde<>(TransactionEvent.class).serialize("t", tx));
        JsonNode deadJson = Json.mapper().readTree(new JsonSerde<>(DeadLetter.class).serialize("t", dead));

        assertThat(violations(read("cdc-transaction-event.v1.schema.json"), txJson)).isEmpty();
        assertThat(violations(read("cdc-dead-letter.v1.schema.json"), deadJson)).isEmpty();
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = ContractCompatibilityTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return Json.mapper().readTree(in);
        }
    }

    /** The small part of JSON Schema these contracts use: required, type (one or several), enum, const. */
    private static List<String> violations(JsonNode schema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        schema.get("required").forEach(r -> {
            if (!value.has(r.asText())) {
                problems.add("missing " + r.asText());
            }
        });
        Iterator<Map.Entry<String, JsonNode>> properties = schema.get("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode actual = value.get(property.getKey());
            if (actual == null) {
                continue;
            }
            JsonNode rule = property.getValue();
            List<String> types = new ArrayList<>();
            if (rule.get("type").isArray()) {
                rule.get("type").forEach(t -> types.add(t.asText()));
            } else {
                types.add(rule.get("type").asText());
            }
            if (types.stream().noneMatch(t -> hasType(actual, t))) {
                problems.add(property.getKey() + " is not " + types + ": " + actual);
            }
            if (rule.has("enum") && !actual.isNull() && !containsValue(rule.get("enum"), actual)) {
                problems.add(property.getKey() + " not in enum: " + actual);
            }
            if (rule.has("const") && !rule.get("const").equals(actual)) {
                problems.add(property.getKey() + " is not " + rule.get("const"));
            }
        }
        return problems;
    }

    private static boolean containsValue(JsonNode array, JsonNode value) {
        for (JsonNode candidate : array) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            case "array" -> value.isArray();
            default -> false;
        };
    }
}
