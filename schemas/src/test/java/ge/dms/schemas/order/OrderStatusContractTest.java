package ge.dms.schemas.order;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Holds the lifecycle to itself and the places outside Java that spell the statuses to {@link OrderStatus}: the
 * write side's {@code orders_status_check} and query-api's OpenAPI document (command-api's document is generated
 * from the enum; its test is command-api's {@code SchemaWriterTest}).
 */
class OrderStatusContractTest {

    /** Maven runs tests in the module folder; the repository root is its parent. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path WRITE_MIGRATIONS = ROOT.resolve("command-api/src/main/resources/db/migration");
    private static final Path QUERY_OPENAPI = ROOT.resolve("query-api/src/main/resources/openapi/query-api.yml");
    private static final Pattern STATUS_CHECK =
            Pattern.compile("orders_status_check\\s+CHECK\\s*\\(\\s*status\\s+IN\\s*\\(([^)]*)\\)\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LITERAL = Pattern.compile("\\s*'([^']*)'\\s*");

    @Test
    void shouldMakeTerminalExactlyTheStatusesNothingLeadsOutOf() {
        Set<OrderStatus> deadEnds = EnumSet.noneOf(OrderStatus.class);
        Arrays.stream(OrderStatus.values()).filter(s -> s.next().isEmpty()).forEach(deadEnds::add);

        assertThat(OrderStatus.TERMINAL).isEqualTo(deadEnds).containsExactlyInAnyOrder(OrderStatus.DELIVERED, OrderStatus.CANCELLED);
        assertThat(OrderStatus.OPEN).doesNotContainAnyElementsOf(OrderStatus.TERMINAL)
                .hasSize(OrderStatus.values().length - OrderStatus.TERMINAL.size());
    }

    @Test
    void shouldReachEveryStatusFromPendingAndNeverGoBack() {
        Set<OrderStatus> reached = EnumSet.of(OrderStatus.PENDING);
        Deque<OrderStatus> todo = new ArrayDeque<>(reached);
        while (!todo.isEmpty()) {
            for (OrderStatus next : todo.pop().next()) {
                if (reached.add(next)) {
                    todo.add(next);
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(OrderStatus.values());
        for (OrderStatus from : OrderStatus.values()) {
            assertThat(from.next()).as(from.value()).allSatisfy(to -> assertThat(to.ordinal()).isGreaterThan(from.ordinal()));
        }
    }

    @Test
    void shouldKeepADriverActiveFromConfirmationUntilTheEnd() {
        assertThat(OrderStatus.ACTIVE_FOR_DRIVER).isSubsetOf(OrderStatus.OPEN).doesNotContain(OrderStatus.PENDING)
                .containsExactlyInAnyOrder(OrderStatus.CONFIRMED, OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.OUT_FOR_DELIVERY);
    }

    @Test
    void shouldReadBackEveryValueAndRefuseOthers() {
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(OrderStatus.of(status.value())).isSameAs(status);
        }
        assertThat(OrderStatus.allValues()).containsExactly("pending", "confirmed", "preparing", "ready", "out_for_delivery",
                "delivered", "cancelled");
        assertThat(OrderStatus.find("OUT_FOR_DELIVERY")).isEmpty();
        assertThat(OrderStatus.find(null)).isEmpty();
        assertThat(OrderStatus.isIn(null, OrderStatus.OPEN)).isFalse();
        assertThat(OrderStatus.isIn("delivered", OrderStatus.OPEN)).isFalse();
        assertThat(OrderStatus.isIn("ready", OrderStatus.OPEN)).isTrue();
        assertThatThrownBy(() -> OrderStatus.of("shipped")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shipped");
        assertThat(OrderStatus.sqlLiterals(EnumSet.of(OrderStatus.READY, OrderStatus.PENDING))).isEqualTo("'pending', 'ready'");
    }

    @Test
    void shouldHoldTheWriteSideCheckConstraintToTheEnum() throws IOException {
        List<String> allowed = null;
        for (Path migration : writeMigrationsInVersionOrder()) {
            Matcher check = STATUS_CHECK.matcher(Files.readString(migration));
            while (check.find()) {
                allowed = literals(check.group(1)); // a later migration's definition replaces an earlier one
            }
        }
        assertThat(allowed).as("orders_status_check in " + WRITE_MIGRATIONS).isNotNull();
        assertThat(allowed).containsExactlyElementsOf(OrderStatus.allValues());
    }

    @Test
    void shouldHoldEveryStatusEnumOfTheQueryApiDocumentToTheEnum() throws IOException {
        Object document = new Yaml().load(Files.readString(QUERY_OPENAPI));
        List<List<?>> enums = new ArrayList<>();
        collectStatusEnums(document, enums);

        assertThat(enums).as("status enums in query-api.yml").hasSizeGreaterThanOrEqualTo(3);
        assertThat(enums).allSatisfy(values -> assertThat(values).isEqualTo(OrderStatus.allValues()));
    }

    /** Schemas of a property named {@code status} and of a parameter named {@code status} that carry an enum. */
    private static void collectStatusEnums(Object node, List<List<?>> enums) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("status") instanceof Map<?, ?> property && property.get("enum") instanceof List<?> values) {
                enums.add(List.copyOf(values));
            }
            if ("status".equals(map.get("name")) && map.get("schema") instanceof Map<?, ?> schema
                    && schema.get("enum") instanceof List<?> values) {
                enums.add(List.copyOf(values));
            }
            map.values().forEach(child -> collectStatusEnums(child, enums));
        } else if (node instanceof List<?> list) {
            list.forEach(child -> collectStatusEnums(child, enums));
        }
    }

    private static List<String> literals(String list) {
        return Arrays.stream(list.split(",")).map(item -> {
            Matcher literal = LITERAL.matcher(item);
            assertThat(literal.matches()).as("a quoted literal in the CHECK list: " + item).isTrue();
            return literal.group(1);
        }).toList();
    }

    private static List<Path> writeMigrationsInVersionOrder() throws IOException {
        try (Stream<Path> files = Files.list(WRITE_MIGRATIONS)) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                    .toList();
        }
    }
}
