package ge.dms.bench.fanout;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class DriverChangesTest {

    @Test
    void shouldSpreadReassignmentsEvenlyStartingWithTheFirstOrder() {
        assertThat(IntStream.range(0, 13).filter(i -> DriverChanges.reassigned(i, 0.2)).boxed()).containsExactly(0, 5, 10);
        assertThat(IntStream.range(0, 1000).filter(i -> DriverChanges.reassigned(i, 0.2)).count()).isEqualTo(200);
        assertThat(IntStream.range(0, 7).filter(i -> DriverChanges.reassigned(i, 1.0)).count()).isEqualTo(7);
        assertThat(IntStream.range(0, 100).filter(i -> DriverChanges.reassigned(i, 0)).count()).isZero();
    }

    @Test
    void shouldCountTheReassignmentAsOneMoreChangeForItsShareOfOrders() {
        assertThat(DriverChanges.changesPerOrder(0)).isEqualTo(5.0);
        assertThat(DriverChanges.changesPerOrder(0.2)).isEqualTo(5.2);
    }
}
