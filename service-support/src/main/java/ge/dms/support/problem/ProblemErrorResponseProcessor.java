package ge.dms.support.problem;

import ge.dms.http.problem.Problem;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import jakarta.inject.Singleton;

/**
 * Every answer Micronaut makes for a failed request (no route 404, 405, 406, 413, 415, unconvertible parameters,
 * malformed or duplicate-key JSON, missing body or header, security's 401/403, unhandled exceptions as 500) leaves
 * as a problem document instead of Micronaut's own {@code _links}/{@code _embedded} body. Requests Netty could not
 * decode (over-long URL: 414; over-long headers: 431) are told so, with no {@code instance}: their path is unknown.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<String> {

    private final ProblemResponses problems;

    public ProblemErrorResponseProcessor(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public MutableHttpResponse<String> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpRequest<?> request = context.getRequest();
        Throwable decoderFailure = decoderFailure(request);
        Problem problem = MicronautErrors.problem(response.getStatus(), context.getRootCause().orElse(null), decoderFailure,
                context.getErrors());
        return problems.fill(response, decoderFailure == null ? request : null, problem);
    }

    private static Throwable decoderFailure(HttpRequest<?> request) {
        if (request instanceof NettyHttpRequest<?> netty && netty.getNativeRequest().decoderResult().isFailure()) {
            return netty.getNativeRequest().decoderResult().cause();
        }
        return null;
    }
}
