package ge.dms.command.problem;

import ge.dms.http.problem.FieldError;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Bean Validation failures: 400 with one entry per bad field, named by its JSON path. */
@Singleton
@Produces
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {

    private final Problems problems;

    public ConstraintViolationHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.size() == 1 ? "1 field is not valid" : errors.size() + " fields are not valid";
        return problems.response(request, HttpStatus.BAD_REQUEST, "validation-failed", "The request is not valid",
                detail, errors, Map.of());
    }

    /** {@code place.command.items[0].quantity} becomes {@code items[0].quantity}: method and parameter dropped. */
    static String fieldPath(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        int index = 0;
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            if (index++ < 2 && (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER)) {
                continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            if (node.getIndex() != null) {
                name = name + "[" + node.getIndex() + "]";
            }
            parts.add(name);
        }
        String path = String.join(".", parts).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }
}
