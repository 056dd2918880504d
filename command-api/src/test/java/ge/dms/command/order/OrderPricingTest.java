package ge.dms.command.order;

import ge.dms.command.persistence.jooq.tables.records.ProductsRecord;
import ge.dms.command.problem.ApiException;
import ge.dms.http.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderPricingTest {

    private static ProductsRecord product(long id, String unit, String price, boolean active) {
        ProductsRecord p = new ProductsRecord();
        p.setId(id);
        p.setName("ყველი " + id);
        p.setUnit(unit);
        p.setPrice(new BigDecimal(price));
        p.setActive(active);
        return p;
    }

    private static final Map<Long, ProductsRecord> CATALOG = Map.of(
            1L, product(1, "kg", "4.35", true),
            2L, product(2, "box", "19.99", true),
            3L, product(3, "kg", "1.00", false));

    @Test
    void shouldPriceLinesFromTheCatalogAndRoundHalfUp() {
        var lines = OrderPricing.price(List.of(new OrderLine(1L, new BigDecimal("2.555")), new OrderLine(2L, new BigDecimal("3"))), CATALOG);
        assertThat(lines.get(0).lineTotal()).isEqualByComparingTo("11.11"); // 4.35 * 2.555 = 11.11425
        assertThat(lines.get(0).productName()).isEqualTo("ყველი 1");
        assertThat(lines.get(1).lineTotal()).isEqualByComparingTo("59.97");
        assertThat(OrderPricing.total(lines)).isEqualByComparingTo("71.08");
    }

    @Test
    void shouldRefuseEveryBadLineAtOnce() {
        List<OrderLine> items = List.of(new OrderLine(9L, BigDecimal.ONE), new OrderLine(3L, BigDecimal.ONE),
                new OrderLine(2L, new BigDecimal("1.5")), new OrderLine(9L, BigDecimal.ONE));
        assertThatThrownBy(() -> OrderPricing.price(items, CATALOG))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().getCode()).isEqualTo(422);
                    assertThat(e.errors()).extracting(FieldError::field)
                            .containsExactly("items[0].productId", "items[1].productId", "items[2].quantity", "items[3].productId");
                });
    }

    @Test
    void shouldAcceptWholeQuantitiesWrittenWithDecimals() {
        assertThat(OrderPricing.price(List.of(new OrderLine(2L, new BigDecimal("2.000"))), CATALOG)).hasSize(1);
    }
}
