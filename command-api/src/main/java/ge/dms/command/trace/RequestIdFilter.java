package ge.dms.command.trace;

import ge.dms.http.problem.FieldError;
import ge.dms.command.problem.Problems;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every request its correlation id before anything else runs (security included, so a 401 has one too):
 * the caller's {@code X-Request-Id} when it is valid ({@link RequestId#isValid}), a new UUID when absent, a 400
 * problem when it is malformed (an id that cannot be followed is worse than none: the caller asked for this one).
 * The id goes into the propagated context, as a {@link RequestId} (what the services write with the change) and
 * into the MDC (every log line of the request, on the event loop and the blocking executor alike), and it is
 * echoed on the response.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIdFilter implements Ordered {

    static final String ATTRIBUTE = "dms.request-id";

    private final Problems problems;

    public RequestIdFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String sent = request.getHeaders().get(RequestId.HEADER);
        if (sent != null && !RequestId.isValid(sent)) {
            String rule = "must be 1 to " + RequestId.MAX_LENGTH + " letters, digits, '.', '_', ':' or '-'";
            return problems.response(request, HttpStatus.BAD_REQUEST, "invalid-request-id", "The request id is not valid",
                    RequestId.HEADER + " " + rule, List.of(new FieldError(RequestId.HEADER, rule)), Map.of());
        }
        RequestId id = sent == null ? RequestId.generate() : new RequestId(sent);
        request.setAttribute(ATTRIBUTE, id.value());
        Map<String, String> mdc = new HashMap<>(MDC.getCopyOfContextMap() == null ? Map.of() : MDC.getCopyOfContextMap());
        mdc.put(RequestId.MDC_KEY, id.value());
        context.add(id).add(new MdcPropagationContext(mdc));
        return null;
    }

    @ResponseFilter
    public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class).ifPresent(id -> response.getHeaders().set(RequestId.HEADER, id));
    }
}
