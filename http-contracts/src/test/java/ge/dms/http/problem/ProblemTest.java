package ge.dms.http.problem;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTest {

    @Test
    void shouldWriteTheMembersInOrderWithFieldErrorsAndExtensions() {
        Problem problem = Problem.of(409, "stale-version", "The order has changed", "expected version 3")
                .withInstance("/api/orders/7/confirm")
                .withErrors(List.of(new FieldError("If-Match", "expected version 3")))
                .withExtensions(Map.of("currentVersion", 4, "status", "overridden?"));

        assertThat(problem.body()).containsExactly(
                Map.entry("type", "https://dms.ge/problems/stale-version"),
                Map.entry("title", "The order has changed"),
                Map.entry("status", 409),
                Map.entry("detail", "expected version 3"),
                Map.entry("instance", "/api/orders/7/confirm"),
                Map.entry("errors", List.of(Map.of("field", "If-Match", "message", "expected version 3"))),
                Map.entry("currentVersion", 4));
    }

    @Test
    void shouldCutLongTextsAndLeaveOutWhatIsAbsent() {
        Map<String, Object> body = Problem.of(400, "invalid-parameter", "Bad Request", "x".repeat(2000)).body();

        assertThat((String) body.get("detail")).hasSize(Problem.MAX_TEXT + 3).endsWith("...");
        assertThat(body).doesNotContainKeys("instance", "errors");
        assertThat(Problem.of(400, "a", "b", null).body()).containsEntry("detail", "");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldWriteEachFieldErrorAsFieldThenMessage() {
        Map<String, Object> body = Problem.of(400, "validation-failed", "Bad", "2 fields")
                .withErrors(List.of(new FieldError("items[0].quantity", "must be positive"), new FieldError("notes", "too long")))
                .body();

        List<Map<String, String>> errors = (List<Map<String, String>>) body.get("errors");
        assertThat(errors).allSatisfy(e -> assertThat(e.keySet()).containsExactly("field", "message"));
    }
}
