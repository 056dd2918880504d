package ge.dms.query;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.query.support.TestStack;
import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.cdc.Op;
import ge.dms.schemas.serde.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static ge.dms.query.support.TestStack.token;
import static ge.dms.query.support.TestViews.BASE;
import static ge.dms.query.support.TestViews.view;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/orders/{id}/history}: the status log as the projections' history writer puts it on the read side
 * (status change events, replays harmless), oldest first with who did it; the order's access rules; 404 for an
 * unknown order.
 */
@WithDevStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryIT {

    private TestStack stack;

    @BeforeAll
    void start(Infrastructure infra, TestNamespace ns) {
        String redis = infra.endpoints().redisUrl();
        stack = TestStack.start(ns, redis, redis, Map.of());
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    @Test
    void shouldListEveryTransitionOldestFirstWithItsActor() throws Exception {
        stack.write(view(801, 4, "ready", 81, 91L, BASE));
        List<ChangeEvent> log = List.of(
                change(9001, 801, null, "pending", 0, "restaurant", 81L, null),
                change(9002, 801, "pending", "confirmed", 60, "admin", null, null),
                change(9003, 801, "confirmed", "preparing", 120, "admin", null, null),
                change(9004, 801, "preparing", "ready", 180, "admin", null, "ხაჭაპური მზადაა"));
        stack.writeHistory(new ArrayList<>(log.reversed())); // arrival order does not matter
        stack.writeHistory(log); // a replay changes nothing

        for (String caller : new String[] {token("admin", null), token("restaurant", 81L), token("driver", 91L)}) {
            HttpResponse<String> r = stack.get("/api/orders/801/history", caller);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Data-Source")).hasValue("read-store");
            assertThat(Long.parseLong(r.headers().firstValue("X-Data-Age-Ms").orElseThrow())).isGreaterThanOrEqualTo(0);
            JsonNode body = Json.mapper().readTree(r.body());
            assertThat(body.get("orderId").asLong()).isEqualTo(801);
            JsonNode changes = body.get("changes");
            assertThat(changes).hasSize(4);
            List<String> steps = new ArrayList<>();
            changes.forEach(c -> steps.add(c.get("from").asText(null) + "->" + c.get("to").asText()));
            assertThat(steps).containsExactly("null->pending", "pending->confirmed", "confirmed->preparing", "preparing->ready");
            assertThat(changes.get(0).get("actor").get("role").asText()).isEqualTo("restaurant");
            assertThat(changes.get(0).get("actor").get("id").asLong()).isEqualTo(81);
            assertThat(changes.get(1).get("actor").get("role").asText()).isEqualTo("admin");
            assertThat(changes.get(1).get("actor").get("id").isNull()).isTrue();
            assertThat(changes.get(3).get("reason").asText()).isEqualTo("ხაჭაპური მზადაა");
            assertThat(Instant.parse(changes.get(3).get("at").asText())).isEqualTo(BASE.plusSeconds(180));
        }
    }

    @Test
    void shouldApplyOnlyANewerChangeOfTheSameRow() throws Exception {
        stack.write(view(802, 1, "pending", 82, null, BASE));
        stack.writeHistory(List.of(change(9101, 802, null, "pending", 0, "restaurant", 82L, "second image")));
        ChangeEvent older = change(9101, 802, null, "pending", 0, "restaurant", 82L, "first image");
        stack.writeHistory(List.of(new ChangeEvent(older.version(), older.op(), older.table(), older.id(), null, older.after(),
                older.lsn() - 1, null, null, null, older.commitTime(), false)));

        JsonNode changes = Json.mapper().readTree(stack.get("/api/orders/802/history", token("admin", null)).body()).get("changes");
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).get("reason").asText()).isEqualTo("second image");
    }

    @Test
    void shouldFollowTheOrdersAccessRules() {
        stack.write(view(803, 3, "confirmed", 83, 93L, BASE));
        stack.writeHistory(List.of(change(9201, 803, null, "pending", 0, "restaurant", 83L, null)));

        assertThat(stack.get("/api/orders/803/history", token("restaurant", 84L)).statusCode()).isEqualTo(403);
        assertThat(stack.get("/api/orders/803/history", token("driver", 94L)).statusCode()).isEqualTo(403);
        assertThat(stack.get("/api/orders/803/history", null).statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = stack.get("/api/orders/999999/history", token("admin", null));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(stack.get("/api/orders/abc/history", token("admin", null)).statusCode()).isBetween(400, 404);
    }

    @Test
    void shouldDocumentTheNewEndpoints() {
        String document = stack.get("/openapi.yml", null).body();
        assertThat(document).contains("/api/orders/{id}/history", "/api/dispatch/orders", "/api/dispatch/events",
                "/api/restaurants/{id}/board/events");
    }

    /** An {@code order_status_changes} change event as cdc-pipeline writes it; LSN from the change id. */
    private static ChangeEvent change(long id, long orderId, String from, String to, int second, String role, Long actor,
                                      String reason) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("order_id", orderId);
        row.put("from_status", from);
        row.put("to_status", to);
        row.put("changed_at", BASE.plusSeconds(second).toString());
        row.put("actor_role", role);
        row.put("actor_id", actor);
        row.put("reason", reason);
        return new ChangeEvent(ChangeEvent.VERSION, Op.CREATE, "order_status_changes", id, null, row, 10 * id, 500L + id,
                Long.toString(500 + id), 1L, Instant.now(), false);
    }
}
