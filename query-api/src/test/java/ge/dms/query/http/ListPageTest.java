package ge.dms.query.http;

import ge.dms.schemas.serde.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ListPageTest {

    @Test
    void shouldCopyTheRowsIntoTheAnswerWithTheNextCursor() throws Exception {
        String cursor = ListPage.cursorAfter(42);
        String json = new ListPage(List.of("{\"productId\":41,\"name\":\"ყველი\"}", "{\"productId\":42}"), cursor, null).json("products");

        var body = Json.mapper().readTree(json);
        assertThat(body.get("products")).hasSize(2);
        assertThat(body.get("products").get(0).get("name").asText()).isEqualTo("ყველი");
        assertThat(Cursor.decode(body.get("nextCursor").asText()).orderId()).isEqualTo(42);
        assertThat(new ListPage(List.of(), null, null).json("drivers")).isEqualTo("{\"drivers\":[],\"nextCursor\":null}");
    }

    @Test
    void shouldKeepTheNewerTimeWhicheverIsMissing() {
        Instant a = Instant.parse("2026-12-03T10:00:00Z");
        Instant b = a.plusSeconds(1);
        assertThat(ListPage.newer(null, a)).isEqualTo(a);
        assertThat(ListPage.newer(a, null)).isEqualTo(a);
        assertThat(ListPage.newer(a, b)).isEqualTo(b);
        assertThat(ListPage.newer(b, a)).isEqualTo(b);
    }

    @Test
    void shouldMatchWildcardsInSearchTextLiterally() {
        assertThat(ListPage.containing("50%_a\\b")).isEqualTo("%50\\%\\_a\\\\b%");
    }
}
