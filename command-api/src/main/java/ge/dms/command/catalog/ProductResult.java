package ge.dms.command.catalog;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

@Serdeable
public record ProductResult(long id, String sku, String name, String description, String category, String unit,
                            BigDecimal price, boolean active) {
}
