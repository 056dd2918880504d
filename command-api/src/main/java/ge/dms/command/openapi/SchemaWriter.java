package ge.dms.command.openapi;

import ge.dms.schemas.order.OrderStatus;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON Schemas of request and response types, read from their compile-time introspection
 * (property names, types and Bean Validation constraints), so the document follows the code.
 */
final class SchemaWriter {

    private final Map<String, Object> components = new LinkedHashMap<>();

    Map<String, Object> components() {
        return components;
    }

    Map<String, Object> schema(Argument<?> type) {
        Class<?> raw = type.getType();
        if (raw == String.class) {
            return Map.of("type", "string");
        }
        if (raw == Long.class || raw == long.class) {
            return Map.of("type", "integer", "format", "int64");
        }
        if (raw == Integer.class || raw == int.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (raw == BigDecimal.class) {
            return Map.of("type", "number");
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return Map.of("type", "boolean");
        }
        if (raw == OffsetDateTime.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Argument<?> item = type.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT);
            return Map.of("type", "array", "items", schema(item));
        }
        Optional<? extends BeanIntrospection<?>> introspection = BeanIntrospector.SHARED.findIntrospection(raw);
        if (introspection.isEmpty()) {
            return Map.of("type", "object");
        }
        String name = raw.getSimpleName();
        if (!components.containsKey(name)) {
            components.put(name, Map.of()); // placeholder: stops recursion on self-referencing types
            components.put(name, objectSchema(introspection.get()));
        }
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    private Map<String, Object> objectSchema(BeanIntrospection<?> introspection) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (BeanProperty<?, ?> property : introspection.getBeanProperties()) {
            Map<String, Object> schema = new LinkedHashMap<>(schema(property.asArgument()));
            if (property.hasAnnotation(NotNull.class) || property.hasAnnotation(NotBlank.class) || property.hasAnnotation(NotEmpty.class)
                    || property.getType().isPrimitive()) {
                required.add(property.getName());
            }
            property.intValue(Size.class, "max").ifPresent(max -> schema.put(
                    "array".equals(schema.get("type")) ? "maxItems" : "maxLength", max));
            property.stringValue(Pattern.class, "regexp").ifPresent(regexp -> schema.put("pattern", regexp));
            property.stringValue(DecimalMin.class).ifPresent(min -> schema.put("minimum", new BigDecimal(min)));
            property.stringValue(DecimalMax.class).ifPresent(max -> schema.put("maximum", new BigDecimal(max)));
            if (property.hasAnnotation(OrderStatusValue.class)) {
                schema.put("enum", OrderStatus.allValues());
            }
            properties.put(property.getName(), schema);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }
}
