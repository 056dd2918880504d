package ge.dms.bench.baseline;

import ge.dms.http.problem.Problem;
import ge.dms.http.token.AccessDenied;
import ge.dms.support.problem.ProblemResponses;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The baseline's refusals as problem answers, in one place: its own ({@link BaselineProblem}) and a token's party (403). */
final class BaselineErrors {

    private BaselineErrors() {
    }

    /** {@link BaselineProblem} → its problem. */
    @Produces
    @Singleton
    @Requires(classes = BaselineProblem.class)
    @Requires(property = Baseline.ENABLED, value = "true")
    static class Refused implements ExceptionHandler<BaselineProblem, HttpResponse<?>> {

        private final ProblemResponses problems;

        Refused(ProblemResponses problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, BaselineProblem exception) {
            return problems.response(request, exception.problem());
        }
    }

    /** {@link AccessDenied} (a valid token of another party) → 403, as the query API answers. */
    @Produces
    @Singleton
    @Requires(classes = AccessDenied.class)
    @Requires(property = Baseline.ENABLED, value = "true")
    static class Denied implements ExceptionHandler<AccessDenied, HttpResponse<?>> {

        private final ProblemResponses problems;

        Denied(ProblemResponses problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, AccessDenied exception) {
            return problems.response(request, Problem.of(403, "forbidden", "Forbidden", exception.getMessage()));
        }
    }
}
