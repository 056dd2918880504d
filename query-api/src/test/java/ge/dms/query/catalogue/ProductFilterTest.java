package ge.dms.query.catalogue;

import ge.dms.query.http.ApiException;
import ge.dms.query.http.Cursor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductFilterTest {

    @Test
    void shouldAcceptTheCategoriesTheCommandApiAcceptsAndRefuseOthers() {
        assertThat(ProductFilter.category("dry_goods")).isEqualTo("dry_goods");
        assertThat(ProductFilter.category(" ")).isNull();
        assertThatThrownBy(() -> ProductFilter.category("toys")).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).field()).isEqualTo("category");
    }

    @Test
    void shouldTrimTheSearchTextAndBoundItsLength() {
        assertThat(ProductFilter.query("  ხაჭაპური ")).isEqualTo("ხაჭაპური");
        assertThat(ProductFilter.query(null)).isNull();
        assertThatThrownBy(() -> ProductFilter.query("   ")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ProductFilter.query("x".repeat(101))).isInstanceOf(ApiException.class);
    }

    @Test
    void shouldUseRedisOnlyForTheUnsearchedActiveList() {
        assertThat(new ProductFilter(null, null, true, null, 10).hotList()).isTrue();
        assertThat(new ProductFilter("dairy", null, true, null, 10).hotList()).isTrue();
        assertThat(new ProductFilter(null, "ყველი", true, null, 10).hotList()).isFalse();
        assertThat(new ProductFilter(null, null, null, null, 10).hotList()).isFalse();
        assertThat(new ProductFilter(null, null, false, null, 10).hotList()).isFalse();
    }

    @Test
    void shouldStartAfterTheCursorsId() {
        assertThat(new ProductFilter(null, null, true, null, 10).afterId()).isZero();
        assertThat(new ProductFilter(null, null, true, new Cursor(17, 17, false), 10).afterId()).isEqualTo(17);
    }
}
