package ge.dms.cdc.convert;

import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.cdc.Op;
import ge.dms.schemas.cdc.TransactionEvent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeEventConverterTest {

    private static final String PLACEHOLDER = "__debezium_unavailable_value";
    private final ChangeEventConverter converter =
            new ChangeEventConverter(PLACEHOLDER, Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void shouldMapAnUpdateWithIsoUtcTimesDecimalStringsAndTheTransaction() {
        var record = DebeziumRecords.change("u", DebeziumRecords.row(42, "pending", "n"), DebeziumRecords.row(42, "confirmed", "n"), 900, 771, 2);

        ChangeEvent event = ((Converted.Change) converter.convert(record)).event();

        assertThat(event.op()).isEqualTo(Op.UPDATE);
        assertThat(event.table()).isEqualTo("orders");
        assertThat(event.id()).isEqualTo(42);
        assertThat(event.lsn()).isEqualTo(900);
        assertThat(event.txId()).isEqualTo(771);
        assertThat(event.transactionId()).isEqualTo("771");
        assertThat(event.transactionOrder()).isEqualTo(2);
        assertThat(event.commitTime()).isEqualTo(Instant.parse("2025-11-22T08:26:40.123456Z"));
        assertThat(event.before()).containsEntry("status", "pending");
        assertThat(event.after()).containsEntry("status", "confirmed").containsEntry("total_amount", "125.50")
                .containsEntry("created_at", "2026-11-22T08:15:00.123456Z")
                .containsEntry("local_at", "2025-11-22T08:26:40.123456Z")
                .containsEntry("day", "2025-11-22");
    }

    @Test
    void shouldCompleteAnUnchangedToastedValueFromTheFullBeforeImage() {
        String big = "x".repeat(20_000);
        var record = DebeziumRecords.change("u", DebeziumRecords.row(5, "pending", big), DebeziumRecords.row(5, "confirmed", PLACEHOLDER), 1, 1, 1);

        ChangeEvent event = ((Converted.Change) converter.convert(record)).event();

        assertThat(event.after()).containsEntry("notes", big).containsEntry("status", "confirmed");
    }

    @Test
    void shouldKeepThePlaceholderWhenNoBeforeImageCanFillIt() {
        var record = DebeziumRecords.change("u", null, DebeziumRecords.row(5, "confirmed", PLACEHOLDER), 1, 1, 1);

        ChangeEvent event = ((Converted.Change) converter.convert(record)).event();

        assertThat(event.after()).containsEntry("notes", PLACEHOLDER);
    }

    @Test
    void shouldUseTheXidAloneAsTransactionIdSoBeginEventsAndEndAgree() {
        TransactionEvent end = ((Converted.Transaction) converter.convert(DebeziumRecords.transactionEnd(771, 999))).event();

        assertThat(end.status()).isEqualTo(TransactionEvent.Status.END);
        assertThat(end.id()).isEqualTo("771");
        assertThat(end.eventCount()).isEqualTo(3);
        assertThat(end.tables()).isEqualTo(Map.of("orders", 1L, "order_items", 2L));
    }

    @Test
    void shouldSkipHeartbeatsAndDeadLetterARowWithoutId() {
        assertThat(converter.convert(DebeziumRecords.heartbeat())).isInstanceOf(Converted.Skip.class);

        var noRows = DebeziumRecords.change("d", null, null, 77, 1, 1);
        Converted converted = converter.convert(noRows);

        assertThat(converted).isInstanceOf(Converted.Dead.class);
        assertThat(((Converted.Dead) converted).letter().lsn()).isEqualTo(77);
        assertThat(((Converted.Dead) converted).letter().reason()).contains("no numeric id");
    }
}
