package ge.dms.bench.data;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetTest {

    private static final Instant END = Instant.parse("2026-06-30T15:00:00Z");
    private static final Scale SCALE = new Scale(30, 10, 120, 4_000, 6);

    private List<Rows.Order> orders;

    @BeforeEach
    void generate() {
        orders = orders(new Dataset(SCALE, 7, END, IdBases.EMPTY));
    }

    @Test
    void shouldBeTheSameForTheSameSeed() {
        Dataset again = new Dataset(SCALE, 7, END, IdBases.EMPTY);
        assertThat(orders(again)).isEqualTo(orders);
        assertThat(again.restaurants()).isEqualTo(new Dataset(SCALE, 7, END, IdBases.EMPTY).restaurants());
        assertThat(orders(new Dataset(SCALE, 8, END, IdBases.EMPTY))).isNotEqualTo(orders);
    }

    @Test
    void shouldKeepTotalsItemCountsAndVersionsConsistent() {
        assertThat(orders).hasSize(SCALE.orders());
        for (Rows.Order o : orders) {
            BigDecimal sum = o.items().stream().map(Rows.Item::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(o.totalAmount()).isEqualByComparingTo(sum);
            assertThat(o.itemCount()).isBetween(1, 200);
            assertThat(o.items().stream().map(Rows.Item::productId).distinct().count()).isEqualTo(o.items().size());
            assertThat(o.version()).isEqualTo(o.changes().size());
            assertThat(o.changes().getFirst().from()).isNull();
            assertThat(o.changes().getFirst().to()).isEqualTo("pending");
            assertThat(o.changes().getLast().to()).isEqualTo(o.status());
            assertThat(o.updatedAt()).isEqualTo(o.changes().getLast().at());
            assertThat(o.updatedAt()).isBeforeOrEqualTo(END);
            for (int i = 1; i < o.changes().size(); i++) {
                assertThat(o.changes().get(i).from()).isEqualTo(o.changes().get(i - 1).to());
                assertThat(o.changes().get(i).at()).isAfter(o.changes().get(i - 1).at());
            }
        }
    }

    @Test
    void shouldFollowTheLifecycleWithDriversWhereNeeded() {
        for (Rows.Order o : orders) {
            switch (o.status()) {
                case "delivered" -> {
                    assertThat(o.driverId()).isNotNull();
                    assertThat(o.deliveredAt()).isAfter(o.pickedUpAt());
                    assertThat(o.pickedUpAt()).isAfter(o.readyAt());
                    assertThat(o.readyAt()).isAfter(o.confirmedAt());
                    assertThat(o.changes().getLast().actorRole()).isEqualTo("driver");
                    assertThat(o.changes().getLast().actorId()).isEqualTo(o.driverId());
                }
                case "cancelled" -> assertThat(o.cancelledAt()).isNotNull();
                case "ready", "out_for_delivery" -> assertThat(o.driverId()).isNotNull();
                default -> assertThat(o.deliveredAt()).isNull();
            }
        }
        Map<String, Long> byStatus = orders.stream().collect(Collectors.groupingBy(Rows.Order::status, Collectors.counting()));
        assertThat(byStatus.get("delivered")).isGreaterThan(SCALE.orders() * 8L / 10);
        assertThat(byStatus.get("cancelled")).isBetween(SCALE.orders() / 50L, SCALE.orders() / 8L);
        assertThat(orders.stream().filter(o -> o.changes().stream().filter(c -> c.reason() != null && c.reason().startsWith("driver ")).count() > 1))
                .as("some drivers are reassigned").isNotEmpty();
    }

    @Test
    void shouldLeaveRecentOrdersOpenAndOldOnesFinished() {
        Instant dayBefore = END.minus(Duration.ofDays(1));
        assertThat(orders.stream().filter(o -> o.createdAt().isBefore(dayBefore))
                .allMatch(o -> o.status().equals("delivered") || o.status().equals("cancelled"))).isTrue();
        assertThat(orders.stream().filter(o -> !o.status().equals("delivered") && !o.status().equals("cancelled"))).isNotEmpty();
    }

    @Test
    void shouldPeakAtLunchAndDinnerAndRiseWithTime() {
        Map<Integer, Long> byHour = orders.stream().collect(Collectors.groupingBy(
                o -> o.createdAt().atZone(OrderTimeline.TBILISI).getHour(), Collectors.counting()));
        assertThat(byHour.getOrDefault(12, 0L)).isGreaterThan(5 * byHour.getOrDefault(8, 1L) / 2);
        assertThat(byHour.getOrDefault(18, 0L)).isGreaterThan(10 * byHour.getOrDefault(3, 1L));
        assertThat(orders).isSortedAccordingTo((a, b) -> a.createdAt().compareTo(b.createdAt()));
        assertThat(orders.getFirst().createdAt()).isBefore(END.minus(Duration.ofDays(170)));
        assertThat(orders.stream().map(Rows.Order::reference).distinct().count()).isEqualTo(orders.size());
    }

    @Test
    void shouldDeliverMostOrdersOnTimeButNotAll() {
        List<Rows.Order> delivered = orders.stream().filter(o -> o.status().equals("delivered")).toList();
        long onTime = delivered.stream().filter(o -> !o.deliveredAt().isAfter(o.requestedDeliveryAt())).count();
        assertThat((double) onTime / delivered.size()).isBetween(0.6, 0.97);
    }

    @Test
    void shouldNameThingsInGeorgian() {
        Dataset dataset = new Dataset(SCALE, 7, END, IdBases.EMPTY);
        Function<String, Boolean> georgian = s -> s.codePoints().anyMatch(c -> c >= 0x10D0 && c <= 0x10FF);
        assertThat(dataset.products()).allMatch(p -> georgian.apply(p.name()));
        assertThat(dataset.restaurants()).allMatch(r -> georgian.apply(r.name()) && georgian.apply(r.city()));
        assertThat(dataset.drivers()).allMatch(d -> georgian.apply(d.name()));
        assertThat(dataset.products().stream().map(Rows.Product::sku).distinct().count()).isEqualTo(SCALE.products());
    }

    private static List<Rows.Order> orders(Dataset dataset) {
        List<Rows.Order> all = new ArrayList<>();
        dataset.forEachOrder(all::add);
        return all;
    }
}
