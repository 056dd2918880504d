package ge.dms.command.problem;

import ge.dms.http.problem.FieldError;
import ge.dms.http.problem.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes RFC 9457 problem documents ({@link Problem}, shared with query-api). The body is serialised here,
 * to a string, so every error path (ours, Micronaut's, security's) produces byte-for-byte the same shape
 * and content type.
 */
@Singleton
public class Problems {

    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json;
    }

    public MutableHttpResponse<String> response(HttpRequest<?> request, ApiException e) {
        return response(request, e.status(), e.slug(), e.title(), e.getMessage(), e.errors(), e.extensions());
    }

    public MutableHttpResponse<String> response(HttpRequest<?> request, HttpStatus status, String slug, String title,
                                                String detail, List<FieldError> errors, Map<String, Object> extensions) {
        return write(HttpResponse.status(status), request, status, slug, title, detail, errors, extensions);
    }

    /** Fills a response Micronaut already made (its status and headers are kept). */
    public <T> MutableHttpResponse<T> write(MutableHttpResponse<?> response, HttpRequest<?> request, HttpStatus status,
                                            String slug, String title, String detail, List<FieldError> errors,
                                            Map<String, Object> extensions) {
        Problem problem = new Problem(slug, title, status.getCode(), detail, request == null ? null : request.getPath(),
                errors, extensions);
        try {
            @SuppressWarnings("unchecked")
            MutableHttpResponse<T> typed = (MutableHttpResponse<T>) response.status(status)
                    .contentType(Problem.CONTENT_TYPE).body(json.writeValueAsString(problem.body()));
            return typed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
