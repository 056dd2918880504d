package ge.dms.schemas.trace;

/**
 * The correlation id's names, shared by the four services so one id can be followed from the HTTP request to the
 * driver's socket: the command API takes it ({@code X-Request-Id}, or makes one up) and writes it with the change in
 * the row's {@value #COLUMN} column; cdc-pipeline copies it into the Kafka header {@value #KAFKA_HEADER} of the
 * change record; the projections carry it in the order view ({@code OrderView.requestId}) and the Redis change
 * stream entries (field {@value #STREAM_FIELD}); the query API puts it into the live message ({@value #STREAM_FIELD}).
 * Every service logs it under the MDC key {@value #MDC_REQUEST_ID} (with {@value #MDC_ORDER_ID} where known).
 *
 * <p>Per-change log lines go to the logger {@value #TRACE_LOGGER} at DEBUG, off unless an operator switches it on
 * ({@code DMS_TRACE_LOG_LEVEL=DEBUG}): at 200 changes/s one INFO line per change in four services is too much to keep.
 * Warnings and errors about a change carry the id whatever that level is.
 */
public final class Correlation {

    /** The request header the command API reads and echoes. */
    public static final String HTTP_HEADER = "X-Request-Id";
    /** The write-side column holding the id of the request that last wrote the row. */
    public static final String COLUMN = "request_id";
    /** The Kafka header (UTF-8 bytes) cdc-pipeline sets on change records whose row has an id. */
    public static final String KAFKA_HEADER = "dms-request-id";
    /** The field of the Redis change stream entries and of the live messages. */
    public static final String STREAM_FIELD = "requestId";
    public static final String MDC_REQUEST_ID = "requestId";
    public static final String MDC_ORDER_ID = "orderId";
    /** The logger of the per-change lines (DEBUG), one per service. */
    public static final String TRACE_LOGGER = "ge.dms.trace";
    /** What a valid id looks like: 1 to 64 letters, digits and {@code . _ : -} (a UUID fits; nothing to escape in a log or header). */
    public static final String PATTERN = "[A-Za-z0-9._:-]{1,64}";
    public static final int MAX_LENGTH = 64;

    private Correlation() {
    }
}
