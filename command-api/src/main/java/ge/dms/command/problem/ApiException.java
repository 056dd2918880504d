package ge.dms.command.problem;

import ge.dms.http.problem.FieldError;
import io.micronaut.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal the API means to give: becomes an RFC 9457 problem with a stable {@code type}
 * ({@link ge.dms.http.problem.Problem#TYPE_BASE} + slug), the status, a human detail, per-field errors and any
 * extension members (e.g. the current version of an order).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public ApiException(HttpStatus status, String slug, String title, String detail,
                        List<FieldError> errors, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = new LinkedHashMap<>(extensions);
    }

    public ApiException(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of(), Map.of());
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " " + id + " does not exist");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static ApiException invalid(String detail, List<FieldError> errors) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-request", "The request cannot be carried out",
                detail, errors, Map.of());
    }

    public static ApiException badRequest(String detail, List<FieldError> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "validation-failed", "The request is not valid", detail, errors, Map.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
