package ge.dms.bench.fanout;

import ge.dms.bench.report.Series;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerTest {

    private final Ledger ledger = new Ledger();

    @Test
    void shouldMatchAMessageToItsChangeByOrderAndVersionEvenBeforeTheAnswer() {
        long due = System.nanoTime();
        ledger.expect("assign-driver", 42, 3, 7, due, true);
        long commit = Ledger.Clock.wallMicros();
        ledger.arrived(timed(7, 42, 3, commit, commit / 1_000 + 1, due + 5_000_000, commit + 2_000));
        ledger.answered(42, 3, due + 9_000_000);

        assertThat(ledger.missing()).isZero();
        assertThat(ledger.delivered()).isEqualTo(1);
        Series requestToSocket = series(Ledger.REQUEST_TO_SOCKET);
        assertThat(requestToSocket.count()).isEqualTo(1);
        assertThat(requestToSocket.max()).isBetween(4.9, 5.1);
        assertThat(series(Ledger.COMMIT_TO_SOCKET).max()).isBetween(1.9, 2.1);
        assertThat(series(Ledger.REQUEST_TO_ANSWER).max()).isBetween(8.9, 9.1);
        assertThat(series("assign-driver" + Ledger.STEP_REQUEST_TO_SOCKET).count()).isEqualTo(1);
    }

    @Test
    void shouldCountDuplicatedUnexpectedMisroutedAndMissingMessages() {
        long due = System.nanoTime();
        ledger.expect("assign-driver", 1, 3, 7, due, true);
        ledger.expect("assign-driver", 2, 3, 7, due, true);
        ledger.expect("assign-driver", 3, 3, 8, due, true);
        Arrival first = upsert(7, 1, 3, null, due + 1);
        ledger.arrived(first);
        ledger.arrived(first);
        ledger.arrived(upsert(7, 9, 1, null, due + 1));
        ledger.arrived(upsert(7, 3, 3, null, due + 1));

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
        ledger.arrived(upsert(7, 4, 3, null, due + 1));

        assertThat(ledger.missing()).isZero();
        assertThat(ledger.expected()).isZero();
        assertThat(ledger.unanswered()).isEqualTo(2);
        assertThat(ledger.delivered()).isEqualTo(1);
        assertThat(ledger.errorCount()).isEqualTo(3);
    }

    @Test
    void shouldOweAReassignmentOneUnassignedToTheOldDriverAndOneUpsertToTheNewOne() {
        long due = System.nanoTime();
        reassign(5, 4, 7, 8, due);

        assertThat(ledger.missing()).as("both messages owed").isEqualTo(2);
        assertThat(ledger.expected()).isEqualTo(2);
        assertThat(ledger.changesMade()).as("one request").isEqualTo(1);
        ledger.arrived(unassigned(7, 5, 4, due + 3_000_000));
        assertThat(ledger.missing()).as("the new driver's message still owed").isEqualTo(1);
        ledger.arrived(upsert(8, 5, 4, "new driver", due + 4_000_000));

        assertThat(ledger.missing()).isZero();
        assertThat(ledger.delivered()).isEqualTo(2);
        assertThat(series(DriverChanges.REASSIGN_AWAY + Ledger.STEP_REQUEST_TO_SOCKET).max()).isBetween(2.9, 3.1);
        assertThat(series(DriverChanges.REASSIGN_TO + Ledger.STEP_REQUEST_TO_SOCKET).max()).isBetween(3.9, 4.1);
        assertThat(series(Ledger.REQUEST_TO_SOCKET).count()).as("both messages in the overall series").isEqualTo(2);
    }

    @Test
    void shouldCountAReassignmentsMessagesDuplicatedOrMisroutedEachOnItsOwn() {
        long due = System.nanoTime();
        reassign(5, 4, 7, 8, due);
        ledger.arrived(unassigned(7, 5, 4, due + 1));
        ledger.arrived(unassigned(7, 5, 4, due + 2));
        ledger.arrived(unassigned(8, 5, 4, due + 3));
        ledger.arrived(upsert(7, 5, 4, null, due + 4));

        assertThat(ledger.duplicated()).as("the unassigned twice").isEqualTo(1);
        assertThat(ledger.misrouted()).as("unassigned to the new driver, the order to the old one").isEqualTo(2);
        assertThat(ledger.missing()).as("the new driver never got the order").isEqualTo(1);
    }

    @Test
    void shouldOweEachActiveOrderOfARenamedDriverOneMessageWithTheNewNameAtTheVersionItHad() {
        long due = System.nanoTime();
        ledger.expect("start-preparing", 1, 4, 7, due, true);
        ledger.expect("mark-ready", 2, 5, 7, due, true);
        ledger.arrived(upsert(7, 1, 4, "Nino", due + 1));
        ledger.arrived(upsert(7, 2, 5, "Nino", due + 1));
        ledger.expectRename(7, "Nino #1", Map.of(1L, 4L, 2L, 5L), due + 10_000_000, true);

        assertThat(ledger.renamePending(7)).isTrue();
        assertThat(ledger.missing()).isEqualTo(2);
        ledger.renameAnswered("Nino #1");
        ledger.arrived(upsert(7, 1, 4, "Nino #1", due + 16_000_000));
        ledger.arrived(upsert(7, 2, 5, "Nino #1", due + 18_000_000));

        assertThat(ledger.missing()).isZero();
        assertThat(ledger.duplicated()).as("same version, but a new name").isZero();
        assertThat(ledger.renamePending(7)).isFalse();
        Series rename = series(Renames.STEP + Ledger.STEP_REQUEST_TO_SOCKET);
        assertThat(rename.count()).isEqualTo(2);
        assertThat(rename.max()).isBetween(7.9, 8.1);
        assertThat(ledger.renameFigures()).containsEntry("renamesMade", 1L).containsEntry("renameMessagesDelivered", 2L)
                .containsEntry("renameMessagesMissing", 0L);
    }

    @Test
    void shouldCountARenameDeliveredByALaterVersionCarryingTheNewName() {
        long due = System.nanoTime();
        ledger.expect("start-preparing", 1, 4, 7, due, true);
        ledger.arrived(upsert(7, 1, 4, "Nino", due + 1));
        ledger.expectRename(7, "Nino #1", Map.of(1L, 4L), due, true);
        ledger.renameAnswered("Nino #1");
        ledger.expect("mark-ready", 1, 5, 7, due, true);
        ledger.arrived(upsert(7, 1, 5, "Nino #1", due + 2));

        assertThat(ledger.missing()).isZero();
        assertThat(ledger.renameFigures()).containsEntry("renameMessagesOnNewerVersion", 1L);
        assertThat(seriesNamed(Renames.STEP + Ledger.STEP_REQUEST_TO_SOCKET)).as("only same-version messages are timed").isEmpty();
    }

    @Test
    void shouldCountSameVersionRefreshesOfFinishedOrdersAsLateRefreshesNotDuplicates() {
        long due = System.nanoTime();
        ledger.expect(Ledger.FINAL_STEP, 3, 7, 7, due, true);
        ledger.arrived(upsert(7, 3, 7, "Nino", due + 1));
        ledger.expectRename(7, "Nino #1", Map.of(), due, true);
        ledger.renameAnswered("Nino #1");
        ledger.arrived(upsert(7, 3, 7, "Nino #1", due + 5_000_000_000L));

        assertThat(ledger.renameLateRefreshes()).isEqualTo(1);
        assertThat(ledger.duplicated()).isZero();
        assertThat(ledger.unexpected()).isZero();
        assertThat(ledger.missing()).isZero();

        ledger.arrived(upsert(7, 3, 7, "Nino #1", due + 6_000_000_000L));
        ledger.arrived(upsert(7, 3, 7, "Nino", due + 6_000_000_000L));
        assertThat(ledger.duplicated()).as("the same name twice at one version, and the old name again").isEqualTo(2);
    }

    @Test
    void shouldStillCountADuplicateWhenTheMessageCarriesNoNameARenameGave() {
        long due = System.nanoTime();
        ledger.expect("start-preparing", 1, 4, 7, due, true);
        ledger.expect("start-preparing", 2, 4, 8, due, true);
        ledger.expectRename(8, "Giorgi #1", Map.of(2L, 4L), due, true);
        ledger.arrived(upsert(7, 1, 4, "Nino", due + 1));
        ledger.arrived(upsert(7, 1, 4, "Nino", due + 2));
        ledger.arrived(upsert(7, 1, 4, "Giorgi #1", due + 3));

        assertThat(ledger.duplicated()).as("a repeat, and another driver's new name").isEqualTo(2);
        assertThat(ledger.missing()).as("driver 8's order: its change's message and the rename's").isEqualTo(2);
    }

    @Test
    void shouldOweNothingMoreForAnOrderDeliveredBeforeTheRenameApplied() {
        long due = System.nanoTime();
        ledger.expect("pick-up", 1, 6, 7, due, true);
        ledger.arrived(upsert(7, 1, 6, "Nino", due + 1));
        ledger.expectRename(7, "Nino #1", Map.of(1L, 6L), due, true);
        ledger.renameAnswered("Nino #1");
        ledger.expect(Ledger.FINAL_STEP, 1, 7, 7, due, true);
        ledger.arrived(upsert(7, 1, 7, "Nino", due + 2));

        assertThat(ledger.missing()).isZero();
        assertThat(ledger.renameFigures()).containsEntry("renameOrdersDeliveredFirst", 1L);
        ledger.arrived(upsert(7, 1, 7, "Nino #1", due + 3));
        assertThat(ledger.renameLateRefreshes()).isEqualTo(1);
        assertThat(ledger.duplicated()).isZero();
    }

    @Test
    void shouldOweNothingForAnUnansweredRenameAndForgetAFailedOne() {
        long due = System.nanoTime();
        ledger.expect("start-preparing", 1, 4, 7, due, true);
        ledger.arrived(upsert(7, 1, 4, "Nino", due + 1));
        ledger.expectRename(7, "Nino #1", Map.of(1L, 4L), due, true);
        ledger.renameUnanswered("Nino #1", "timeout", true);
        ledger.expectRename(7, "Nino #2", Map.of(1L, 4L), due, true);
        ledger.renameFailed("Nino #2", "503", true);

        assertThat(ledger.missing()).isZero();
        assertThat(ledger.renamePending(7)).isFalse();
        assertThat(ledger.errorCount()).isEqualTo(2);
        ledger.arrived(upsert(7, 1, 4, "Nino #2", due + 2));
        assertThat(ledger.duplicated()).as("a name no rename gave").isEqualTo(1);
    }

    @Test
    void shouldRecordTheTracedHopsOnlyWhenTheMessageCarriesThem() {
        long due = System.nanoTime();
        ledger.expect("mark-ready", 1, 5, 7, due, true);
        ledger.expect("mark-ready", 2, 5, 7, due, true);
        long commitMicros = 1_700_000_000_000_000L;
        long commitMs = commitMicros / 1_000;
        ledger.arrived(new Arrival(7, 1, 5, false, "Nino", commitMicros, commitMs + 10, new Arrival.Trace(commitMs + 2, commitMs + 5, commitMs + 9),
                commitMs + 14, due + 1, (commitMs + 15) * 1_000));
        assertThat(ledger.summarise(Duration.ofSeconds(1)).stream().map(Series::name)).containsSubsequence(Ledger.HOP_REDIS_TO_SOCKET,
                Hops.COMMIT_TO_CDC, Hops.CDC_TO_STREAMS, Hops.STREAMS_TO_EMIT, Hops.EMIT_TO_REDIS, Hops.REDIS_TO_WRITTEN,
                Hops.WRITTEN_TO_RECEIVED);
        assertThat(series(Hops.COMMIT_TO_CDC).max()).isBetween(1.99, 2.01);
        assertThat(series(Hops.CDC_TO_STREAMS).max()).isBetween(2.99, 3.01);
        assertThat(series(Hops.STREAMS_TO_EMIT).max()).isBetween(3.99, 4.01);
        assertThat(series(Hops.EMIT_TO_REDIS).max()).isBetween(0.99, 1.01);
        assertThat(series(Hops.REDIS_TO_WRITTEN).max()).isBetween(3.99, 4.01);
        assertThat(series(Hops.WRITTEN_TO_RECEIVED).max()).isBetween(0.99, 1.01);
        assertThat(ledger.tailSplit()).containsKeys(Hops.COMMIT_TO_CDC, Hops.WRITTEN_TO_RECEIVED);

        Ledger untraced = new Ledger();
        untraced.expect("mark-ready", 2, 5, 7, due, true);
        untraced.arrived(upsert(7, 2, 5, "Nino", due + 1));
        assertThat(untraced.summarise(Duration.ofSeconds(1)).stream().map(Series::name)).doesNotContainAnyElementsOf(Hops.TRACED);
        assertThat(untraced.tailSplit()).doesNotContainKeys(Hops.COMMIT_TO_CDC);
    }

    private void reassign(long orderId, long version, long from, long to, long due) {
        ledger.expect(DriverChanges.REASSIGN_TO, orderId, version, to, due, true);
        ledger.expectUnassigned(DriverChanges.REASSIGN_AWAY, orderId, version, from, due, true);
    }

    /** An upsert carrying commit and Redis times, no trace. */
    private static Arrival timed(long driver, long order, long version, long commitMicros, long redisMillis, long receivedNanos,
                                 long receivedWallMicros) {
        return new Arrival(driver, order, version, false, null, commitMicros, redisMillis, null, 0, receivedNanos, receivedWallMicros);
    }

    /** An upsert whose view names the driver {@code name}, with commit and Redis times so every series can be recorded. */
    private static Arrival upsert(long driver, long order, long version, String name, long receivedNanos) {
        long now = Ledger.Clock.wallMicros();
        return new Arrival(driver, order, version, false, name, now - 3_000, now / 1_000 - 1, null, 0, receivedNanos, now);
    }

    private static Arrival unassigned(long driver, long order, long version, long receivedNanos) {
        long now = Ledger.Clock.wallMicros();
        return new Arrival(driver, order, version, true, null, now - 3_000, now / 1_000 - 1, null, 0, receivedNanos, now);
    }

    private Series series(String name) {
        return seriesNamed(name).orElseThrow(() -> new AssertionError("no series " + name));
    }

    private Optional<Series> seriesNamed(String name) {
        List<Series> all = ledger.summarise(Duration.ofSeconds(1));
        return all.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
