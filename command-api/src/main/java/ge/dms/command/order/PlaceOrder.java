package ge.dms.command.order;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/** {@code POST /api/orders}: what a restaurant orders. Prices and names come from the catalog. */
@Serdeable
public record PlaceOrder(
        @NotEmpty @Size(max = MAX_LINES) List<@NotNull @Valid OrderLine> items,
        @NotBlank @Size(max = 500) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String deliveryAddress,
        @NotNull @Future OffsetDateTime requestedDeliveryAt,
        @Size(max = 2000) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String notes) {

    /** A distributor order has tens of lines; hundreds mean a broken or hostile client. */
    public static final int MAX_LINES = 200;
    /** PostgreSQL text cannot hold U+0000; refuse it as bad input rather than fail the insert. */
    public static final String NO_NUL = "[^\\x00]*";
    public static final String NO_NUL_MESSAGE = "must not contain NUL characters";
}
