package ge.dms.command.order;

import ge.dms.command.json.StrictLong;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** {@code POST /api/orders/{id}/assign-driver}. */
@Serdeable
public record AssignDriver(@NotNull @Positive @Serdeable.Deserializable(using = StrictLong.class) Long driverId) {
}
