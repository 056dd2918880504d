package ge.dms.command.openapi;

import ge.dms.command.order.OrderResult;
import ge.dms.schemas.order.OrderStatus;
import io.micronaut.core.type.Argument;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaWriterTest {

    @Test
    @SuppressWarnings("unchecked")
    void shouldListTheSharedStatusesAsTheEnumOfAnOrdersStatus() {
        SchemaWriter writer = new SchemaWriter();
        writer.schema(Argument.of(OrderResult.class));

        Map<String, Object> result = (Map<String, Object>) writer.components().get("OrderResult");
        Map<String, Object> status = (Map<String, Object>) ((Map<String, Object>) result.get("properties")).get("status");
        assertThat(status).containsEntry("type", "string").containsEntry("enum", OrderStatus.allValues());
        Map<String, Object> reference = (Map<String, Object>) ((Map<String, Object>) result.get("properties")).get("reference");
        assertThat(reference).doesNotContainKey("enum");
    }
}
