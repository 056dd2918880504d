package ge.dms.command.problem;

import ge.dms.command.db.CommitOutcomeUnknownException;
import ge.dms.command.db.SqlStates;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;

/**
 * Database errors, sorted into what the caller can retry (pool exhausted, statement or lock
 * timeout: 503; the database unreachable or restarting: 503), what it must check before retrying (the database lost
 * during the commit: 503 {@code commit-outcome-unknown}, {@link CommitOutcomeUnknownException}), what the caller caused (a constraint
 * the API checks did not catch: 409/422), and real faults (500, logged).
 */
@Singleton
@Produces
public class DataAccessHandler implements ExceptionHandler<DataAccessException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(DataAccessHandler.class);

    private final Problems problems;

    public DataAccessHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DataAccessException e) {
        String state = e.sqlState();
        if (e instanceof CommitOutcomeUnknownException) {
            LOG.warn("Commit outcome unknown on {} {}: {}", request.getMethod(), request.getPath(), e.getMessage());
            return problems.response(request, HttpStatus.SERVICE_UNAVAILABLE, "commit-outcome-unknown",
                    "The change may have been made",
                    "the database went away while committing (" + state + "): read the resource back, or send the request "
                            + "again with the same Idempotency-Key, before making the change again", List.of(), Map.of())
                    .header("Retry-After", "1");
        }
        if (e.getCause(SQLTransientConnectionException.class) != null || "57014".equals(state) || "55P03".equals(state)) {
            LOG.warn("Database busy on {} {}: {}", request.getMethod(), request.getPath(), e.getMessage());
            return problems.response(request, HttpStatus.SERVICE_UNAVAILABLE, "database-busy", "Try again shortly",
                    "the database did not answer in time", List.of(), Map.of())
                    .header("Retry-After", "1");
        }
        if (SqlStates.databaseGone(state)) {
            LOG.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getPath(), e.getMessage());
            return problems.response(request, HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Try again shortly",
                    "the database is unavailable (" + state + ")", List.of(), Map.of())
                    .header("Retry-After", "1");
        }
        if ("23505".equals(state)) {
            return problems.response(request, HttpStatus.CONFLICT, "duplicate", "Already exists",
                    "a record with the same unique value exists", List.of(), Map.of());
        }
        if (state != null && state.startsWith("23")) {
            return problems.response(request, HttpStatus.UNPROCESSABLE_ENTITY, "constraint-violated",
                    "The request breaks a data rule", "the request breaks a data rule (" + state + ")", List.of(), Map.of());
        }
        if (state != null && state.startsWith("22")) {
            return problems.response(request, HttpStatus.BAD_REQUEST, "bad-value", "A value is not acceptable",
                    "a value is out of range or not representable (" + state + ")", List.of(), Map.of());
        }
        LOG.error("Database error on {} {}", request.getMethod(), request.getPath(), e);
        return problems.response(request, HttpStatus.INTERNAL_SERVER_ERROR, "server-error", "Internal error",
                "the request failed on the server", List.of(), Map.of());
    }
}
