package ge.dms.command.problem;

import ge.dms.http.problem.FieldError;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Micronaut's own error answers (malformed JSON, unconvertible values, missing body or header,
 * 404/405/413/415, security's 401/403) come through here and leave as problem documents.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<String> {

    private final Problems problems;

    public ProblemErrorResponseProcessor(Problems problems) {
        this.problems = problems;
    }

    @Override
    public MutableHttpResponse<String> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        List<FieldError> errors = context.getErrors().stream()
                .filter(e -> e.getPath().isPresent())
                .map(e -> new FieldError(e.getPath().orElseThrow(), e.getMessage()))
                .toList();
        // A 5xx is our fault: its message may name classes or SQL, so the caller gets a generic detail
        // (Micronaut has already logged the exception).
        String detail = status.getCode() >= 500 ? "the request failed on the server"
                : context.getErrors().stream().findFirst().map(Error::getMessage).orElse(status.getReason());
        return problems.write(response, context.getRequest(), status, slug(status), title(status), detail, errors, Map.of());
    }

    private static String slug(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "malformed-request";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case REQUEST_ENTITY_TOO_LARGE -> "payload-too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            default -> status.getCode() >= 500 ? "server-error" : "http-" + status.getCode();
        };
    }

    private static String title(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request could not be read";
            case UNAUTHORIZED -> "A valid bearer token is required";
            case REQUEST_ENTITY_TOO_LARGE -> "The request body is too large";
            default -> status.getReason();
        };
    }
}
