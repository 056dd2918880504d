package ge.dms.command.idempotency;

/**
 * The successful answer of a write, as it is sent and as it is replayed for a retried
 * idempotency key.
 *
 * @param status     HTTP status code (200 or 201)
 * @param body       response body
 * @param writeToken read-your-writes token (see {@link WriteToken})
 * @param location   Location header for created resources, or null
 * @param etag       version of the changed resource for the ETag header, or null
 * @param replayed   true when this answer was stored by an earlier request with the same key
 */
public record CommandReply<T>(int status, T body, String writeToken, String location, Integer etag, boolean replayed) {

    public static <T> CommandReply<T> created(T body, String writeToken, String location, Integer etag) {
        return new CommandReply<>(201, body, writeToken, location, etag, false);
    }

    public static <T> CommandReply<T> ok(T body, String writeToken, Integer etag) {
        return new CommandReply<>(200, body, writeToken, null, etag, false);
    }
}
