package ge.dms.projection.catalogue;

import ge.dms.projection.StreamsTestSupport;
import ge.dms.projection.TestData;
import ge.dms.projection.source.PartyRow;
import ge.dms.projection.source.ProductRow;
import ge.dms.schemas.ProjectionTopics;
import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.cdc.Op;
import ge.dms.schemas.event.ProjectionDeadLetter;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueProjectionTest {

    private final ProjectionTopics topics = ProjectionTopics.standard();
    private final TestData data = new TestData();
    private final List<ProductRow> products = new ArrayList<>();
    private final List<PartyRow> parties = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<Long, ChangeEvent> productChanges;
    private TestInputTopic<Long, ChangeEvent> restaurantChanges;
    private TestInputTopic<Long, ChangeEvent> driverChanges;
    private TestOutputTopic<String, ProjectionDeadLetter> deadLetters;

    @BeforeEach
    void startDriver() {
        CatalogueSink sink = new CatalogueSink() {
            @Override
            public void product(ProductRow row) {
                products.add(row);
            }

            @Override
            public void party(PartyRow row) {
                parties.add(row);
            }
        };
        driver = new TopologyTestDriver(CatalogueProjection.build(topics, sink), StreamsTestSupport.properties());
        productChanges = StreamsTestSupport.input(driver, topics.cdc().products());
        restaurantChanges = StreamsTestSupport.input(driver, topics.cdc().restaurants());
        driverChanges = StreamsTestSupport.input(driver, topics.cdc().drivers());
        deadLetters = StreamsTestSupport.output(driver, topics.deadLetter());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldHandEveryProductChangeToTheSinkWithItsPriceUnitActorAndLsn() {
        ChangeEvent created = data.product(5, "ხაჭაპური", "bakery", true);
        productChanges.pipeInput(5L, created);

        assertThat(products).singleElement().satisfies(row -> {
            assertThat(row.view().name()).isEqualTo("ხაჭაპური");
            assertThat(row.view().price()).isEqualByComparingTo("12.50");
            assertThat(row.view().unit()).isEqualTo("kg");
            assertThat(row.view().active()).isTrue();
            assertThat(row.view().updatedByRole()).isEqualTo("admin");
            assertThat(row.lsn()).isEqualTo(created.lsn());
        });
    }

    @Test
    void shouldShowADeletedProductAsInactive() {
        ChangeEvent live = data.product(6, "პური", "bakery", true);
        ChangeEvent deleted = new ChangeEvent(ChangeEvent.VERSION, Op.DELETE, "products", 6, live.after(), null,
                live.lsn() + 5, 1L, "tx", 1L, live.commitTime(), false);
        productChanges.pipeInput(6L, deleted);

        assertThat(products).singleElement().satisfies(row -> {
            assertThat(row.deleted()).isTrue();
            assertThat(row.view().active()).isFalse();
        });
    }

    @Test
    void shouldHandRestaurantsAndDriversToTheSinkAsParties() {
        restaurantChanges.pipeInput(1L, data.restaurant(1, "სახლი"));
        driverChanges.pipeInput(2L, data.driver(2, "გიორგი"));

        assertThat(parties).extracting(PartyRow::kind, PartyRow::id, PartyRow::name, PartyRow::active)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PartyRow.Kind.RESTAURANT, 1L, "სახლი", true),
                        org.assertj.core.groups.Tuple.tuple(PartyRow.Kind.DRIVER, 2L, "გიორგი", true));
        assertThat(parties.getFirst().city()).isEqualTo("თბილისი");
        assertThat(parties.getLast().vehicle()).isEqualTo("van");
    }

    @Test
    void shouldParkAnUnusableProductInTheDeadLetterTopicAndGoOn() {
        Map<String, Object> row = new HashMap<>(data.product(7, "x", "produce", true).after());
        row.put("active", "maybe");
        productChanges.pipeInput(7L, new ChangeEvent(ChangeEvent.VERSION, Op.UPDATE, "products", 7, null, row, 99, 1L,
                "tx", 1L, TestData.T0, false));
        productChanges.pipeInput(8L, data.product(8, "ყველი", "dairy", true));

        assertThat(deadLetters.readValuesToList()).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("products.active"));
        assertThat(products).extracting(ProductRow::id).containsExactly(8L);
    }
}
