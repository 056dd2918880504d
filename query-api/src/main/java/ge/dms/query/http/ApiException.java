package ge.dms.query.http;

import io.micronaut.http.HttpStatus;

/** A request that cannot be answered, with the problem type and status it maps to (RFC 9457). */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String field;

    public ApiException(HttpStatus status, String type, String detail, String field) {
        super(detail);
        this.status = status;
        this.type = type;
        this.field = field;
    }

    public static ApiException badRequest(String field, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", detail, field);
    }

    public static ApiException unauthorized() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "a valid Bearer token is required", null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", detail, null);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", detail, null);
    }

    public static ApiException unavailable(String detail) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", detail, null);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String field() {
        return field;
    }
}
