package ge.dms.schemas.view;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import ge.dms.schemas.serde.Json;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One catalogue product as the screens list it. JSON Schema: {@code ge/dms/schemas/product-view.v1.schema.json}.
 *
 * <p>The projections write it to Redis ({@link RedisKeys#product}, field {@code json}) and to the read-side
 * {@code product_view} table, both only when the product's change is newer by LSN than what they hold;
 * the query API serves it from either store in this one shape.
 *
 * @param schemaVersion    envelope version, {@value #SCHEMA_VERSION}
 * @param productId        the product's id (the catalogue's sort key)
 * @param sku              stock keeping unit, unique
 * @param name             display name (often Georgian)
 * @param description      free text, may be null
 * @param category         {@code produce}, {@code meat}, {@code dairy}, {@code dry_goods}, ...
 * @param unit             {@code kg}, {@code piece}, {@code box} or {@code litre}
 * @param price            GEL per unit, decimal string
 * @param active           false once deactivated: restaurants no longer see it
 * @param updatedByRole    who last changed it ({@code admin}, ...); null for rows loaded without an actor
 * @param updatedById      that actor's id, null when the token had none
 * @param updatedAt        last write-side change
 * @param sourceLsn        LSN of the change this view reflects (the only-if-newer key)
 * @param sourceCommitTime commit time of that change (data age)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductView(int schemaVersion,
                          long productId,
                          String sku,
                          String name,
                          String description,
                          String category,
                          String unit,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price,
                          boolean active,
                          String updatedByRole,
                          Long updatedById,
                          Instant updatedAt,
                          long sourceLsn,
                          Instant sourceCommitTime) {

    public static final int SCHEMA_VERSION = 1;

    /** The view as JSON, with the one mapping every contract uses. */
    public String toJson() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
