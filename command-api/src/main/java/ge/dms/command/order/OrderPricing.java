package ge.dms.command.order;

import ge.dms.command.order.persistence.OrderRepository.PricedLine;
import ge.dms.command.persistence.jooq.tables.records.ProductsRecord;
import ge.dms.command.problem.ApiException;
import ge.dms.http.problem.FieldError;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prices an order from the catalog as it is now. Refuses (422, one error per bad line) unknown
 * and inactive products, a product listed twice, and fractions of pieces and boxes.
 */
public final class OrderPricing {

    /** numeric(12,2): the largest total a row can hold. */
    static final BigDecimal MAX_TOTAL = new BigDecimal("9999999999.99");
    private static final Set<String> DIVISIBLE_UNITS = Set.of("kg", "litre");

    private OrderPricing() {
    }

    public static List<PricedLine> price(List<OrderLine> items, Map<Long, ProductsRecord> catalog) {
        List<FieldError> errors = new ArrayList<>();
        List<PricedLine> lines = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            OrderLine item = items.get(i);
            ProductsRecord product = catalog.get(item.productId());
            String field = "items[" + i + "]";
            if (!seen.add(item.productId())) {
                errors.add(new FieldError(field + ".productId", "product " + item.productId() + " is listed more than once"));
            } else if (product == null) {
                errors.add(new FieldError(field + ".productId", "product " + item.productId() + " does not exist"));
            } else if (!product.getActive()) {
                errors.add(new FieldError(field + ".productId", "product " + item.productId() + " is not available"));
            } else if (!DIVISIBLE_UNITS.contains(product.getUnit()) && item.quantity().stripTrailingZeros().scale() > 0) {
                errors.add(new FieldError(field + ".quantity", "must be a whole number: product " + item.productId() + " is sold by the " + product.getUnit()));
            } else {
                BigDecimal lineTotal = product.getPrice().multiply(item.quantity()).setScale(2, RoundingMode.HALF_UP);
                lines.add(new PricedLine(product.getId(), product.getName(), product.getPrice(), item.quantity(), lineTotal));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors.size() + " order line(s) cannot be ordered", errors);
        }
        if (total(lines).compareTo(MAX_TOTAL) > 0) {
            throw ApiException.invalid("the order total is too large", List.of(new FieldError("items", "total exceeds " + MAX_TOTAL)));
        }
        return lines;
    }

    public static BigDecimal total(List<PricedLine> lines) {
        return lines.stream().map(PricedLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.UNNECESSARY);
    }
}
