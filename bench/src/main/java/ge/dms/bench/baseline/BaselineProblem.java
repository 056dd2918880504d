package ge.dms.bench.baseline;

import ge.dms.http.problem.FieldError;
import ge.dms.http.problem.Problem;

import java.util.List;

/** A request the baseline refuses, with the RFC 9457 problem it answers (the query API's slugs for the same refusals). */
final class BaselineProblem extends RuntimeException {

    private final transient Problem problem;

    private BaselineProblem(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    static BaselineProblem badRequest(String field, String detail) {
        return new BaselineProblem(Problem.of(400, "invalid-parameter", "Bad Request", detail)
                .withErrors(List.of(new FieldError(field, detail))));
    }

    static BaselineProblem notFound(String detail) {
        return new BaselineProblem(Problem.of(404, "not-found", "Not Found", detail));
    }

    static BaselineProblem unavailable(String detail) {
        return new BaselineProblem(Problem.of(503, "unavailable", "Service Unavailable", detail));
    }

    Problem problem() {
        return problem;
    }
}
