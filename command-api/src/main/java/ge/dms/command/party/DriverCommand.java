package ge.dms.command.party;

import ge.dms.command.order.PlaceOrder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Create or replace a driver (admin). */
@Serdeable
public record DriverCommand(
        @NotBlank @Size(max = 200) @Pattern(regexp = PlaceOrder.NO_NUL, message = PlaceOrder.NO_NUL_MESSAGE) String name,
        @NotBlank @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
        @Size(max = 100) @Pattern(regexp = PlaceOrder.NO_NUL, message = PlaceOrder.NO_NUL_MESSAGE) String vehicle) {

    static final String PHONE = "\\+?[0-9 ()-]{6,20}";
    static final String PHONE_MESSAGE = "must be a phone number, e.g. +995 555 12 34 56";
}
