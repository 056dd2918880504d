package ge.dms.support.problem;

import ge.dms.http.problem.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes {@link Problem} documents as answers. The body is serialised here, to a string, so every error path (a
 * service's own refusals, Micronaut's, security's, the filters') leaves with the same shape and content type.
 */
@Singleton
public class ProblemResponses {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    /** A new answer with the problem's status; the request's path becomes {@code instance} unless the problem has one. */
    public MutableHttpResponse<String> response(@Nullable HttpRequest<?> request, Problem problem) {
        return fill(HttpResponse.status(HttpStatus.valueOf(problem.status())), request, problem);
    }

    /** Fills an answer Micronaut already made: its headers are kept, its status becomes the problem's. */
    public <T> MutableHttpResponse<T> fill(MutableHttpResponse<?> response, @Nullable HttpRequest<?> request, Problem problem) {
        Problem located = problem.instance() == null && request != null ? problem.withInstance(request.getPath()) : problem;
        try {
            @SuppressWarnings("unchecked")
            MutableHttpResponse<T> typed = (MutableHttpResponse<T>) response.status(HttpStatus.valueOf(problem.status()))
                    .contentType(Problem.CONTENT_TYPE).body(json.writeValueAsString(located.body()));
            return typed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
