package ge.dms.support.problem;

import ge.dms.http.problem.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * A request with a body but no {@code Content-Type} is refused with 415. Micronaut would read such a body as JSON,
 * so a client that forgot the header (or sent something else entirely) would be answered as if it had said JSON.
 * Runs right after the metrics filter, before security, the query API's write proxy and any controller.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
public class ContentTypeRequired implements Ordered {

    /** After the metrics and security-header filters (highest precedence), before the write proxy (+10). */
    static final int ORDER = HIGHEST_PRECEDENCE + 5;

    private final ProblemResponses problems;

    public ContentTypeRequired(ProblemResponses problems) {
        this.problems = problems;
    }

    /** The refusal, or null to let the request go on. */
    @RequestFilter
    @Nullable
    public MutableHttpResponse<?> check(HttpRequest<?> request) {
        if (!hasBody(request) || request.getHeaders().contains(HttpHeaders.CONTENT_TYPE)) {
            return null;
        }
        return problems.response(request, Problem.of(415, "content-type-required", "A Content-Type is required",
                "a request with a body must name its media type in Content-Type (application/json)"));
    }

    static boolean hasBody(HttpRequest<?> request) {
        String encoding = request.getHeaders().get(HttpHeaders.TRANSFER_ENCODING);
        return request.getContentLength() > 0 || encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
