package ge.dms.schemas.view;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/**
 * One line of an {@link OrderView}: product name and unit price as they were when ordered.
 * Amounts and quantities are decimal strings.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderItemView(long itemId,
                            Long productId,
                            String productName,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal quantity,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal lineTotal) {
}
