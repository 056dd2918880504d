package ge.dms.command.security;

import ge.dms.command.problem.Problems;
import ge.dms.support.web.SameOriginCheck;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.List;
import java.util.Map;

/**
 * Refuses (403) a write that signs in with the session cookie but does not come from our own
 * pages ({@link SameOriginCheck}), before security or any controller runs.
 */
@ServerFilter("/api/**")
public class SameOriginFilter implements Ordered {

    private final Problems problems;

    public SameOriginFilter(Problems problems) {
        this.problems = problems;
    }

    /** The refusal, or null to let the request go on. */
    @RequestFilter
    @Nullable
    public MutableHttpResponse<?> check(HttpRequest<?> request) {
        return SameOriginCheck.refusal(request)
                .map(reason -> problems.response(request, HttpStatus.FORBIDDEN, "cross-site-request", "Cross-site request refused",
                        reason, List.of(), Map.of()))
                .orElse(null);
    }

    @Override
    public int getOrder() {
        // Before Micronaut Security's filter, so a forged request never reaches authentication.
        return ServerFilterPhase.SECURITY.before();
    }
}
