package ge.dms.command.order;

import ge.dms.command.json.StrictDecimal;
import ge.dms.command.json.StrictLong;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.math.BigDecimal;

/** One line: a product and how much of it (kg and litre may be fractional, to the gram). */
@Serdeable
public record OrderLine(
        @NotNull @Positive @Serdeable.Deserializable(using = StrictLong.class) Long productId,
        @NotNull @Serdeable.Deserializable(using = StrictDecimal.class) @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000") @Digits(integer = 5, fraction = 3)
        BigDecimal quantity) {
}
