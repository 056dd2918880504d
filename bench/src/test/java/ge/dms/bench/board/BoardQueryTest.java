package ge.dms.bench.board;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoardQueryTest {

    private static final Instant FROM = Instant.parse("2026-11-15T10:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void shouldAskTheFirstPageTheSameWayOnBothSides() {
        BoardQuery q = BoardQuery.firstPage("first", 7, 50);

        assertThat(q.apiPath()).isEqualTo("/api/restaurants/7/orders?limit=50");
        assertThat(q.sql()).endsWith("WHERE o.restaurant_id = ? ORDER BY o.created_at DESC, o.id DESC LIMIT ?");
        assertThat(q.parameters()).containsExactly(7L, 50);
    }

    @Test
    void shouldPairEveryFilterWithItsPlaceholderInOrder() {
        BoardQuery q = BoardQuery.firstPage("all", 7, 20).withStatus("pending").withDriver(3).withRange(FROM, TO);

        assertThat(q.apiPath()).isEqualTo("/api/restaurants/7/orders?limit=20&status=pending&from=2026-11-15T10%3A00%3A00Z"
                + "&to=2026-11-22T10%3A00%3A00Z&driverId=3");
        assertThat(q.sql()).contains("AND o.status = ? AND o.driver_id = ? AND o.created_at >= ? AND o.created_at < ?");
        assertThat(q.parameters()).containsExactly(7L, "pending", 3L, FROM.atOffset(ZoneOffset.UTC), TO.atOffset(ZoneOffset.UTC), 20);
        assertThat(q.sql().chars().filter(c -> c == '?').count()).isEqualTo(q.parameters().size());
    }

    @Test
    void shouldReachADeepPageByTheApiCursorAndTheSqlKeysetOfThePageBefore() {
        Instant last = Instant.parse("2026-11-20T08:15:30.123456Z");
        BoardQuery q = BoardQuery.firstPage("deep", 7, 50).withStatus("confirmed").after("azE6MTIzOjQ1", last, 45);

        assertThat(q.apiPath()).isEqualTo("/api/restaurants/7/orders?limit=50&status=confirmed&cursor=azE6MTIzOjQ1");
        assertThat(q.sql()).contains("AND (o.created_at, o.id) < (?, ?) ORDER BY o.created_at DESC, o.id DESC LIMIT ?");
        List<Object> values = q.parameters();
        assertThat(values).containsExactly(7L, "confirmed", OffsetDateTime.parse("2026-11-20T08:15:30.123456Z"), 45L, 50);
    }

    @Test
    void shouldRefuseADeepPageWithoutBothPositions() {
        assertThatThrownBy(() -> new BoardQuery("deep", 7, null, null, null, null, "cursor", null, null, 50))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
