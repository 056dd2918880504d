package ge.dms.query.http;

import ge.dms.http.token.AccessDenied;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every error at the HTTP edge to a problem body, in one place. */
public final class ProblemHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandlers.class);

    private ProblemHandlers() {
    }

    @Singleton
    public static class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ApiException e) {
            return Problems.response(e.status(), e.type(), e.getMessage(), e.field());
        }
    }

    /** A valid caller asking for another party's data ({@link ge.dms.http.token.Caller}'s checks). */
    @Singleton
    public static class AccessDeniedHandler implements ExceptionHandler<AccessDenied, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, AccessDenied e) {
            return Problems.response(HttpStatus.FORBIDDEN, "forbidden", e.getMessage(), null);
        }
    }

    @Singleton
    @Replaces(io.micronaut.http.server.exceptions.ConversionErrorHandler.class)
    public static class ConversionHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException e) {
            String field = e.getArgument().getName();
            return Problems.response(HttpStatus.BAD_REQUEST, "invalid-parameter", field + ": " + e.getMessage(), field);
        }
    }

    @Singleton
    @Replaces(io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler.class)
    public static class UnsatisfiedHandler implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, UnsatisfiedRouteException e) {
            String field = e.getArgument().getName();
            return Problems.response(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getMessage(), field);
        }
    }

    @Singleton
    @Replaces(io.micronaut.http.server.exceptions.HttpStatusHandler.class)
    public static class StatusHandler implements ExceptionHandler<HttpStatusException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, HttpStatusException e) {
            return Problems.response(e.getStatus(), "http-" + e.getStatus().getCode(), e.getMessage(), null);
        }
    }

    /** Anything else: logged with its stack, answered without internals. */
    @Singleton
    public static class FallbackHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, RuntimeException e) {
            LOG.error("Unhandled error on {} {}", request.getMethod(), request.getPath(), e);
            return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "unexpected error", null);
        }
    }
}
