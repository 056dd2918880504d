package ge.dms.command.catalog;

import ge.dms.command.order.PlaceOrder;
import ge.dms.command.json.StrictDecimal;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** Create or replace a product (admin). The price applies to orders placed from now on. */
@Serdeable
public record ProductCommand(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "letters, digits, '.', '_' and '-' only") String sku,
        @NotBlank @Size(max = 200) @Pattern(regexp = PlaceOrder.NO_NUL, message = PlaceOrder.NO_NUL_MESSAGE) String name,
        @Size(max = 2000) @Pattern(regexp = PlaceOrder.NO_NUL, message = PlaceOrder.NO_NUL_MESSAGE) String description,
        @NotBlank @Pattern(regexp = "produce|meat|dairy|dry_goods|bakery|beverages|frozen",
                message = "must be one of produce, meat, dairy, dry_goods, bakery, beverages, frozen") String category,
        @NotBlank @Pattern(regexp = "kg|piece|box|litre", message = "must be one of kg, piece, box, litre") String unit,
        @NotNull @Serdeable.Deserializable(using = StrictDecimal.class) @DecimalMin("0.00") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2) BigDecimal price) {
}
