package ge.dms.command.session;

import ge.dms.command.order.PlaceOrder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/session}: a username (any case) and its password. */
@Serdeable
public record SignIn(
        @NotBlank @Size(max = 100) @Pattern(regexp = PlaceOrder.NO_NUL, message = PlaceOrder.NO_NUL_MESSAGE) String username,
        // Argon2 takes any length, but a megabyte password would be a cheap way to burn our CPU.
        @NotBlank @Size(max = 200) String password) {
}
