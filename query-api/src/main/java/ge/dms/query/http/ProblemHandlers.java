package ge.dms.query.http;

import ge.dms.http.token.AccessDenied;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * The query API's own refusals as problem bodies. Everything Micronaut answers itself (unknown route, 405, 406, 413,
 * 414, 431, unconvertible parameters, unhandled exceptions) is made a problem once for both services, by
 * service-support's {@code ProblemErrorResponseProcessor}.
 */
public final class ProblemHandlers {

    private ProblemHandlers() {
    }

    @Singleton
    public static class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ApiException e) {
            return Problems.response(request, e.status(), e.type(), e.getMessage(), e.field());
        }
    }

    /** A valid caller asking for another party's data ({@link ge.dms.http.token.Caller}'s checks). */
    @Singleton
    public static class AccessDeniedHandler implements ExceptionHandler<AccessDenied, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, AccessDenied e) {
            return Problems.response(request, HttpStatus.FORBIDDEN, "forbidden", e.getMessage(), null);
        }
    }
}
