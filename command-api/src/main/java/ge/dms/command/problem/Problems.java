package ge.dms.command.problem;

import ge.dms.http.problem.FieldError;
import ge.dms.http.problem.Problem;
import ge.dms.support.problem.ProblemResponses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * The command API's refusals as RFC 9457 problem documents ({@link Problem}, shared with query-api), written by
 * service-support's {@link ProblemResponses}, which also answers Micronaut's and security's own errors: every error
 * path produces the same shape and content type.
 */
@Singleton
public class Problems {

    private final ProblemResponses responses;

    public Problems(ProblemResponses responses) {
        this.responses = responses;
    }

    public MutableHttpResponse<String> response(HttpRequest<?> request, ApiException e) {
        return response(request, e.status(), e.slug(), e.title(), e.getMessage(), e.errors(), e.extensions());
    }

    public MutableHttpResponse<String> response(HttpRequest<?> request, HttpStatus status, String slug, String title,
                                                String detail, List<FieldError> errors, Map<String, Object> extensions) {
        return responses.response(request, new Problem(slug, title, status.getCode(), detail, null, errors, extensions));
    }
}
