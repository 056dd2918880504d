package ge.dms.query.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import ge.dms.http.problem.FieldError;
import ge.dms.http.problem.Problem;
import ge.dms.schemas.serde.Json;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;

/** RFC 9457 problem bodies ({@link Problem}, shared with command-api): stable {@code type}, human {@code detail}, per-field errors. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.of(Problem.CONTENT_TYPE);

    private Problems() {
    }

    public static MutableHttpResponse<String> response(HttpStatus status, String type, String detail, String field) {
        return response(null, status, type, detail, field);
    }

    /** With the request's path as {@code instance} (null: none). */
    public static MutableHttpResponse<String> response(HttpRequest<?> request, HttpStatus status, String type, String detail,
                                                       String field) {
        Problem problem = Problem.of(status.getCode(), type, status.getReason(), detail)
                .withErrors(field == null ? List.of() : List.of(new FieldError(field, detail)))
                .withInstance(request == null ? null : request.getPath());
        return HttpResponse.<String>status(status).contentType(PROBLEM_JSON).body(json(problem.body()));
    }

    public static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
