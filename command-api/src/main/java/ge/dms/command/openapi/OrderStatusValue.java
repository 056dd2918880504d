package ge.dms.command.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text property that holds an {@link ge.dms.schemas.order.OrderStatus#value()}, so the OpenAPI document
 * lists the statuses as its {@code enum} from the shared contract instead of a copy.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface OrderStatusValue {
}
