package ge.dms.command.party;

import ge.dms.command.order.PlaceOrder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Create or replace a restaurant (admin). */
@Serdeable
public record RestaurantCommand(
        @NotBlank @Size(max = 200) @Pattern(regexp = PlaceOrder.NO_NUL, message = PlaceOrder.NO_NUL_MESSAGE) String name,
        @NotBlank @Size(max = 500) @Pattern(regexp = PlaceOrder.NO_NUL, message = PlaceOrder.NO_NUL_MESSAGE) String address,
        @NotBlank @Size(max = 100) @Pattern(regexp = PlaceOrder.NO_NUL, message = PlaceOrder.NO_NUL_MESSAGE) String city,
        @Size(max = 100) @Pattern(regexp = PlaceOrder.NO_NUL, message = PlaceOrder.NO_NUL_MESSAGE) String region,
        @NotBlank @Pattern(regexp = DriverCommand.PHONE, message = DriverCommand.PHONE_MESSAGE) String phone) {
}
