package ge.dms.support.problem;

import ge.dms.http.problem.FieldError;
import ge.dms.http.problem.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what Micronaut reports about a failed request (its status, the exception, its error entries) into the
 * problem the caller gets: a stable slug per kind of failure, a title, a detail and the fields at fault. Plain logic,
 * so every mapping is unit-tested without a server.
 */
public final class MicronautErrors {

    /** Jackson 3's message for a key seen twice with {@code STRICT_DUPLICATE_DETECTION} ({@link StrictJson}). */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"([^\"]{0,200})\"");
    static final String SERVER_DETAIL = "the request failed on the server";

    private MicronautErrors() {
    }

    /**
     * @param status        the status Micronaut chose
     * @param cause         the exception behind it, if any
     * @param decoderFailure why Netty could not decode the request line or headers, if that is what happened
     * @param errors        Micronaut's error entries (message, optional path)
     */
    public static Problem problem(HttpStatus status, @Nullable Throwable cause, @Nullable Throwable decoderFailure,
                                  List<? extends Error> errors) {
        if (decoderFailure != null) {
            return undecodable(decoderFailure);
        }
        if (status.getCode() >= 500) {
            // Its message may name classes or SQL: the caller gets a generic detail (Micronaut has logged the exception).
            return Problem.of(status.getCode(), "server-error", "Internal error", SERVER_DETAIL);
        }
        String duplicate = duplicateKey(cause);
        if (duplicate != null) {
            return Problem.of(400, "duplicate-key", "A JSON key appears twice",
                    "the key \"" + duplicate + "\" appears more than once in one object")
                    .withErrors(List.of(new FieldError(duplicate, "appears more than once in one object")));
        }
        Argument<?> parameter = parameter(cause);
        String detail = errors.stream().findFirst().map(Error::getMessage).orElse(status.getReason());
        if (status == HttpStatus.BAD_REQUEST && parameter != null) {
            return Problem.of(400, "invalid-parameter", "A parameter is not valid", detail)
                    .withErrors(List.of(new FieldError(parameter.getName(), detail)));
        }
        List<FieldError> fields = errors.stream().filter(e -> e.getPath().isPresent())
                .map(e -> new FieldError(stripSlash(e.getPath().orElseThrow()), e.getMessage())).toList();
        return Problem.of(status.getCode(), slug(status), title(status), detail).withErrors(fields);
    }

    /** Netty gave up on the request before Micronaut saw a path: over-long request line or headers, or garbage. */
    static Problem undecodable(Throwable failure) {
        if (failure instanceof TooLongHttpLineException) {
            return Problem.of(414, "uri-too-long", "The URL is too long",
                    "the request line (method, path and query string) is longer than this server accepts");
        }
        if (failure instanceof TooLongHttpHeaderException) {
            return Problem.of(431, "headers-too-large", "The request headers are too large",
                    "the request's headers are larger than this server accepts");
        }
        return Problem.of(400, "malformed-request", "The request could not be read", "the request is not valid HTTP");
    }

    /** The key named in a duplicate-key failure anywhere in the cause chain, or null. */
    static String duplicateKey(@Nullable Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher m = t.getMessage() == null ? null : DUPLICATE.matcher(t.getMessage());
            if (m != null && m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** The query, path or header argument that could not be bound; null for the body (a body that cannot be read is malformed). */
    static Argument<?> parameter(@Nullable Throwable cause) {
        Argument<?> argument = cause instanceof ConversionErrorException c ? c.getArgument()
                : cause instanceof UnsatisfiedRouteException u ? u.getArgument() : null;
        return argument == null || argument.getAnnotationMetadata().hasAnnotation(Body.class) ? null : argument;
    }

    static String slug(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "malformed-request";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case REQUEST_ENTITY_TOO_LARGE -> "payload-too-large";
            case REQUEST_URI_TOO_LONG -> "uri-too-long";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "headers-too-large";
            default -> "http-" + status.getCode();
        };
    }

    static String title(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request could not be read";
            case UNAUTHORIZED -> "A valid bearer token is required";
            case REQUEST_ENTITY_TOO_LARGE -> "The request body is too large";
            default -> status.getReason();
        };
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
