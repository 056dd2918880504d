package ge.dms.schemas;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {

    @Test
    void shouldNameOneChangeTopicPerCapturedTable() {
        assertThat(Topics.cdc().allNames()).containsExactly(
                "dms.cdc.restaurants", "dms.cdc.drivers", "dms.cdc.products", "dms.cdc.orders",
                "dms.cdc.order_items", "dms.cdc.order_status_changes", "dms.cdc.session_revocations", "dms.cdc.transactions", "dms.cdc.dead-letter");
    }

    @Test
    void shouldPutThePrefixInFrontOfEveryName() {
        CdcTopics topics = Topics.withPrefix("t1.");

        assertThat(topics.allNames()).allMatch(name -> name.startsWith("t1.dms.cdc."));
        assertThat(topics.table("orders").name()).isEqualTo("t1.dms.cdc.orders");
        assertThat(topics.forTable("idempotency_keys")).isEmpty();
        assertThatThrownBy(() -> topics.table("idempotency_keys")).isInstanceOf(IllegalArgumentException.class);
    }
}
