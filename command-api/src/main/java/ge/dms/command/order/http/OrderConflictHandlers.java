package ge.dms.command.order.http;

import ge.dms.command.order.OrderAction;
import ge.dms.command.order.StaleVersionException;
import ge.dms.command.order.TransitionRefusedException;
import ge.dms.command.problem.Problems;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The two 409s of the order lifecycle, as problems that say what the order looks like now. */
@Factory
public class OrderConflictHandlers {

    @Singleton
    ExceptionHandler<StaleVersionException, HttpResponse<?>> staleVersion(Problems problems) {
        return (request, e) -> {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("orderId", e.orderId());
            extensions.put("expectedVersion", e.expected());
            extensions.put("currentVersion", e.current());
            extensions.put("currentStatus", e.currentStatus().value());
            return problems.response(request, HttpStatus.CONFLICT, "stale-version", "The order has changed",
                    e.getMessage(), List.of(), extensions).header("ETag", "\"" + e.current() + "\"");
        };
    }

    @Singleton
    ExceptionHandler<TransitionRefusedException, HttpResponse<?>> transitionRefused(Problems problems) {
        return (request, e) -> {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("currentStatus", e.current().value());
            extensions.put("action", e.action().path());
            extensions.put("allowedActions", e.allowed().stream().map(OrderAction::path).toList());
            return problems.response(request, HttpStatus.CONFLICT, "transition-not-allowed",
                    "The order's status does not allow this", e.getMessage(), List.of(), extensions);
        };
    }
}
