package ge.dms.command.trace;

import ge.dms.command.problem.Problems;
import ge.dms.support.problem.ProblemResponses;
import ge.dms.http.problem.Problem;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The X-Request-Id rule: a valid id is taken as it is, none gets a UUID, a malformed one a 400 problem. */
class RequestIdFilterTest {

    private final JsonMapper json = JsonMapper.createDefault();
    private final RequestIdFilter filter = new RequestIdFilter(new Problems(new ProblemResponses(json)));

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0d9f6c1e-6f0b-4e3a-9d55-2b7c1a2f0e11", "web.order-form:42_retry", "x"})
    void shouldTakeAValidIdAsItIs(String id) {
        MutablePropagatedContext context = MutablePropagatedContext.of(PropagatedContext.empty());

        HttpResponse<?> refused = filter.assign(HttpRequest.POST("/api/orders", "{}").header(RequestId.HEADER, id), context);

        assertThat(refused).isNull();
        assertThat(context.getContext().find(RequestId.class)).contains(new RequestId(id));
    }

    @Test
    void shouldTakeAnIdOfTheMaximumLength() {
        assertThat(RequestId.isValid("a".repeat(RequestId.MAX_LENGTH))).isTrue();
    }

    @Test
    void shouldMakeUpAUuidWhenTheCallerSentNone() {
        MutablePropagatedContext context = MutablePropagatedContext.of(PropagatedContext.empty());

        assertThat(filter.assign(HttpRequest.POST("/api/orders", "{}"), context)).isNull();

        String made = context.getContext().get(RequestId.class).value();
        assertThat(UUID.fromString(made).toString()).isEqualTo(made);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc def", "a\"b", "a{b}", "a/b", "ab\\c", "ქართული", "a%0Ab", "a;b", "a=b"})
    void shouldRefuseAMalformedIdWithA400Problem(String id) throws Exception {
        assertRefused(id);
    }

    @Test
    void shouldRefuseAnIdLongerThanTheBound() throws Exception {
        assertRefused("a".repeat(RequestId.MAX_LENGTH + 1));
    }

    private void assertRefused(String id) throws Exception {
        MutablePropagatedContext context = MutablePropagatedContext.of(PropagatedContext.empty());

        HttpResponse<?> refused = filter.assign(HttpRequest.POST("/api/orders", "{}").header(RequestId.HEADER, id), context);

        assertThat(refused).as("answer to %s", id).isNotNull();
        assertThat(refused.code()).isEqualTo(400);
        assertThat(refused.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo(Problem.CONTENT_TYPE));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.readValue((String) refused.body(), Map.class);
        assertThat(body).containsEntry("type", Problem.TYPE_BASE + "invalid-request-id").containsEntry("status", 400);
        assertThat(body.get("errors").toString()).contains(RequestId.HEADER);
        assertThat(context.getContext().find(RequestId.class)).isEmpty();
    }
}
