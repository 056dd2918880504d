package ge.dms.projection.source;

import ge.dms.schemas.view.ProductView;

import java.math.BigDecimal;
import java.time.Instant;

/** One {@code products} row (every column the catalogue shows), with its change's LSN; {@code deleted} for a delete. */
public record ProductRow(long id, String sku, String name, String description, String category, String unit,
                         BigDecimal price, boolean active, String updatedByRole, Long updatedById, Instant updatedAt,
                         long lsn, Instant commitTime, boolean deleted) {

    /** The catalogue's view of the row (a deleted row is never listed, so it shows as inactive). */
    public ProductView view() {
        return new ProductView(ProductView.SCHEMA_VERSION, id, sku, name, description, category, unit, price,
                active && !deleted, updatedByRole, updatedById, updatedAt, lsn, commitTime);
    }
}
