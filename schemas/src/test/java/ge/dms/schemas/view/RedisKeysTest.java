package ge.dms.schemas.view;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisKeysTest {

    private final RedisKeys keys = new RedisKeys("dms:");

    @Test
    void shouldNameTheSameKeyForAnIdAsNumberOrAsText() {
        assertThat(keys.restaurantOrders("7")).isEqualTo(keys.restaurantOrders(7)).isEqualTo("dms:restaurant:7:orders");
        assertThat(keys.restaurantStatus("7", "ready")).isEqualTo(keys.restaurantStatus(7, "ready"))
                .isEqualTo("dms:restaurant:7:status:ready");
        assertThat(keys.restaurantBoard("7")).isEqualTo(keys.restaurantBoard(7)).isEqualTo("dms:restaurant:7:board");
        assertThat(keys.restaurantChanges("7")).isEqualTo(keys.restaurantChanges(7)).isEqualTo("dms:restaurant:7:changes");
        assertThat(keys.driverActive("3")).isEqualTo(keys.driverActive(3)).isEqualTo("dms:driver:3:active");
        assertThat(keys.driverChanges("3")).isEqualTo(keys.driverChanges(3)).isEqualTo("dms:driver:3:changes");
    }

    @Test
    void shouldPutAStandInWhereATemplatesValueGoes() {
        assertThat(keys.restaurantStatus(RedisKeys.RESTAURANT, RedisKeys.STATUS)).isEqualTo("dms:restaurant:<restaurant>:status:<status>");
        assertThat(keys.driverChanges(RedisKeys.DRIVER)).isEqualTo("dms:driver:<driver>:changes");
        assertThat(keys.activeProductsInCategory(RedisKeys.CATEGORY)).isEqualTo("dms:products:active:category:<category>");
    }

    @Test
    void shouldRefuseAPrefixAScriptCouldTakeForAStandIn() {
        assertThatThrownBy(() -> new RedisKeys("a<restaurant>:")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("may not contain '<'");
    }

    @Test
    void shouldNameTheLiveAnalyticsDayAndTheRebuildsPatternsUnderThePrefix() {
        assertThat(keys.analyticsDay("restaurant", 7, LocalDate.parse("2026-11-22"))).isEqualTo("dms:analytics:restaurant:7:2026-11-22");
        assertThat(keys.orderViewPatterns()).containsExactly("dms:order:*", "dms:restaurant:*", "dms:driver:*",
                "dms:analytics:*", "dms:dispatch:*");
    }
}
