package ge.dms.query.board;

import ge.dms.schemas.serde.Json;
import ge.dms.schemas.view.BoardRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The board reads the projections' stored rows ({@link BoardRow#stored()}) as bytes, and builds pages of them. */
class StoredRowTest {

    private static final BoardRow ROW = new BoardRow(BoardRow.SCHEMA_VERSION, 42, "ORD-2026-000042", "out_for_delivery", 7,
            "ხაჭაპური House", 3L, "გიორგი", 2, new BigDecimal("125.50"), Instant.parse("2026-11-22T12:00:00Z"),
            Instant.parse("2026-11-22T09:00:00.123456Z"), Instant.parse("2026-11-22T11:00:00Z"), 5,
            Instant.parse("2026-11-22T11:00:00.123Z"));

    @Test
    void shouldReadTheStoredFormWithoutDecodingIt() {
        StoredRow stored = StoredRow.of(ROW.stored().getBytes(StandardCharsets.UTF_8));

        assertThat(stored.commitMillis()).isEqualTo(ROW.sourceCommitTime().toEpochMilli());
        assertThat(stored.hasStatus("out_for_delivery")).isTrue();
        assertThat(stored.hasStatus("out_for")).isFalse();
        assertThat(stored.hasStatus("delivered")).isFalse();
        assertThat(StandardCharsets.UTF_8.decode(stored.json()).toString()).isEqualTo(ROW.toJson());
    }

    @Test
    void shouldReadAnUnknownCommitTimeAndRefuseAnythingElse() {
        BoardRow noCommit = new BoardRow(1, 1, "R", "pending", 7, null, null, null, 1, null, null, null, null, 1, null);

        assertThat(StoredRow.of(noCommit.stored().getBytes(StandardCharsets.UTF_8)).commitMillis()).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> StoredRow.of("{\"orderId\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldWriteTheSameBytesEitherWay() {
        assertThat(BoardJson.bytes(ROW)).isEqualTo(ROW.toJson().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldBuildAPageOfTheRowsAsTheyAre() throws Exception {
        StoredRow stored = StoredRow.of(ROW.stored().getBytes(StandardCharsets.UTF_8));
        BoardPage page = new BoardPage(List.of(stored.json(), ByteBuffer.wrap(BoardJson.bytes(ROW))), "azE6MTIzOjQ1", null);
        BoardPage last = new BoardPage(List.of(), null, null);

        var json = Json.mapper().readTree(page.json());

        assertThat(json.get("orders")).hasSize(2);
        assertThat(json.get("orders").get(0)).isEqualTo(json.get("orders").get(1)).isEqualTo(Json.mapper().readTree(ROW.toJson()));
        assertThat(json.get("nextCursor").asText()).isEqualTo("azE6MTIzOjQ1");
        assertThat(new String(last.json(), StandardCharsets.UTF_8)).isEqualTo("{\"orders\":[],\"nextCursor\":null}");
    }
}
