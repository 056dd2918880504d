package ge.dms.command.order;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/orders/{id}/cancel}: the reason goes to the status-change log. */
@Serdeable
public record CancelOrder(
        @NotBlank @Size(max = 500) @Pattern(regexp = PlaceOrder.NO_NUL, message = PlaceOrder.NO_NUL_MESSAGE) String reason) {
}
