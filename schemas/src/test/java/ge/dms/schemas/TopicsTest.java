package ge.dms.schemas;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTest {

    @Test
    void shouldNameOneChangeTopicPerCapturedTable() {
        assertThat(Topics.cdc().allNames()).containsExactly(
                "dms.cdc.restaurants", "dms.cdc.drivers", "dms.cdc.products", "dms.cdc.orders",
                "dms.cdc.order_items", "dms.cdc.order_status_changes", "dms.cdc.session_revocations", "dms.cdc.transactions", "dms.cdc.dead-letter");
    }

    @Test
    void shouldNameEachTypedAccessorsTopicAfterItsTable() {
        CdcTopics topics = Topics.cdc();

        assertThat(topics.restaurants().name()).isEqualTo("dms.cdc.restaurants");
        assertThat(topics.drivers().name()).isEqualTo("dms.cdc.drivers");
        assertThat(topics.products().name()).isEqualTo("dms.cdc.products");
        assertThat(topics.orders().name()).isEqualTo("dms.cdc.orders");
        assertThat(topics.orderItems().name()).isEqualTo("dms.cdc.order_items");
        assertThat(topics.orderStatusChanges().name()).isEqualTo("dms.cdc.order_status_changes");
        assertThat(topics.sessionRevocations().name()).isEqualTo("dms.cdc.session_revocations");
        assertThat(topics.transactions().name()).isEqualTo("dms.cdc.transactions");
        assertThat(topics.deadLetter().name()).isEqualTo("dms.cdc.dead-letter");
    }

    @Test
    void shouldListTheCapturedTablesInTheOrderOfTheirTopics() {
        assertThat(CdcTopics.CAPTURED_TABLES).containsExactly("restaurants", "drivers", "products", "orders",
                "order_items", "order_status_changes", "session_revocations");
    }

    @Test
    void shouldPutThePrefixInFrontOfEveryName() {
        CdcTopics topics = Topics.withPrefix("t1.");

        assertThat(topics.allNames()).allMatch(name -> name.startsWith("t1.dms.cdc."));
        assertThat(topics.orders().name()).isEqualTo("t1.dms.cdc.orders");
    }

    @Test
    void shouldFindEveryCapturedTablesTopicByItsName() {
        CdcTopics topics = Topics.withPrefix("t1.");

        assertThat(CdcTopics.CAPTURED_TABLES).allSatisfy(table ->
                assertThat(topics.forTable(table)).hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("t1.dms.cdc." + table)));
        assertThat(topics.forTable("order_items")).contains(topics.orderItems());
    }

    @Test
    void shouldFindNoTopicForATableThatIsNotCaptured() {
        assertThat(Topics.withPrefix("t1.").forTable("idempotency_keys")).isEmpty();
    }
}
