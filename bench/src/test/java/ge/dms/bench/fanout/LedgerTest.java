package ge.dms.bench.fanout;

import ge.dms.bench.report.Series;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerTest {

    private final Ledger ledger = new Ledger();

    @Test
    void shouldMatchAMessageToItsChangeByOrderAndVersionEvenBeforeTheAnswer() {
        long due = System.nanoTime();
        ledger.expect("assign-driver", 42, 3, 7, due, true);
        long commit = Ledger.Clock.wallMicros();
        ledger.arrived(new Ledger.Arrival(7, 42, 3, commit, commit / 1_000 + 1, due + 5_000_000, commit + 2_000));
        ledger.answered(42, 3, due + 9_000_000);

        assertThat(ledger.missing()).isZero();
        assertThat(ledger.delivered()).isEqualTo(1);
        Series requestToSocket = series(Ledger.REQUEST_TO_SOCKET);
        assertThat(requestToSocket.count()).isEqualTo(1);
        assertThat(requestToSocket.max()).isBetween(4.9, 5.1);
        assertThat(series(Ledger.COMMIT_TO_SOCKET).max()).isBetween(1.9, 2.1);
        assertThat(series(Ledger.REQUEST_TO_ANSWER).max()).isBetween(8.9, 9.1);
    }

    @Test
    void shouldCountDuplicatedUnexpectedMisroutedAndMissingMessages() {
        long due = System.nanoTime();
        ledger.expect("assign-driver", 1, 3, 7, due, true);
        ledger.expect("assign-driver", 2, 3, 7, due, true);
        ledger.expect("assign-driver", 3, 3, 8, due, true);
        Ledger.Arrival first = new Ledger.Arrival(7, 1, 3, 0, 0, due + 1, 0);
        ledger.arrived(first);
        ledger.arrived(first);
        ledger.arrived(new Ledger.Arrival(7, 9, 1, 0, 0, due + 1, 0));
        ledger.arrived(new Ledger.Arrival(7, 3, 3, 0, 0, due + 1, 0));

        assertThat(ledger.duplicated()).isEqualTo(1);
        assertThat(ledger.unexpected()).isEqualTo(1);
        assertThat(ledger.misrouted()).isEqualTo(1);
        assertThat(ledger.missing()).as("order 2 never came, order 3 went to the wrong driver").isEqualTo(2);
    }

    @Test
    void shouldOweNoMessageForAFailedOrUnansweredChangeButCountOneThatComes() {
        long due = System.nanoTime();
        ledger.expect("assign-driver", 1, 3, 7, due, true);
        ledger.failed(1, 3, "503", true);
        ledger.expect("assign-driver", 2, 3, 7, due, true);
        ledger.unanswered(2, 3, "timeout", true);
        ledger.expect("assign-driver", 4, 3, 7, due, true);
        ledger.unanswered(4, 3, "timeout", true);
        ledger.arrived(new Ledger.Arrival(7, 4, 3, 0, 0, due + 1, 0));

        assertThat(ledger.missing()).isZero();
        assertThat(ledger.expected()).isZero();
        assertThat(ledger.unanswered()).isEqualTo(2);
        assertThat(ledger.delivered()).isEqualTo(1);
        assertThat(ledger.errorCount()).isEqualTo(3);
    }

    private Series series(String name) {
        List<Series> all = ledger.summarise(Duration.ofSeconds(1));
        return all.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
