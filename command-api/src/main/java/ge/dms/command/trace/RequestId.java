package ge.dms.command.trace;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of the request being served: the caller's {@code X-Request-Id}, or a UUID made up when it sent
 * none. {@link RequestIdFilter} puts it into the request's propagated context, which Micronaut carries onto the
 * blocking executor with the request, so the services write it with the change ({@code request_id} column, V5) in
 * the command's own transaction, and every log line of the request has it in the MDC. The names and the pattern
 * are those of {@code ge.dms.schemas.trace.Correlation} on the read side (this module does not depend on schemas).
 */
public record RequestId(String value) implements PropagatedContextElement {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    public static final String MDC_ORDER_ID = "orderId";
    /** Per-change log lines, at DEBUG (switched on with DMS_TRACE_LOG_LEVEL=DEBUG). */
    public static final String TRACE_LOGGER = "ge.dms.trace";
    public static final int MAX_LENGTH = 64;
    /**
     * A bounded length and characters that need no escaping in a header, a log line, JSON or a Kafka header: a
     * caller cannot forge log lines or grow every row of the change path with it.
     */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    public static boolean isValid(String candidate) {
        return candidate != null && VALID.matcher(candidate).matches();
    }

    public static RequestId generate() {
        return new RequestId(UUID.randomUUID().toString());
    }

    /** The id of the request this thread serves, or null outside a request (demo loader, tests calling services). */
    public static String current() {
        return PropagatedContext.find().flatMap(c -> c.find(RequestId.class)).map(RequestId::value).orElse(null);
    }

}
