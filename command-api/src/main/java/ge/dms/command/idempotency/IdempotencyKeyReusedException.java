package ge.dms.command.idempotency;

import ge.dms.command.problem.ApiException;
import io.micronaut.http.HttpStatus;

import java.util.List;
import java.util.Map;

/** The same Idempotency-Key came back with a different request: refused, nothing written. */
final class IdempotencyKeyReusedException extends ApiException {

    IdempotencyKeyReusedException(String key) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency key reused",
                "Idempotency-Key '" + key + "' was already used for a different request", List.of(), Map.of("idempotencyKey", key));
    }
}
