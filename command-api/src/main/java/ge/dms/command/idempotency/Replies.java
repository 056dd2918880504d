package ge.dms.command.idempotency;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** A {@link CommandReply} as an HTTP response, with its write token, ETag and Location headers. */
public final class Replies {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private Replies() {
    }

    public static <T> HttpResponse<T> toHttp(CommandReply<T> reply) {
        MutableHttpResponse<T> response = HttpResponse.<T>status(HttpStatus.valueOf(reply.status())).body(reply.body());
        response.header(WriteToken.HEADER, reply.writeToken());
        if (reply.etag() != null) {
            response.header("ETag", "\"" + reply.etag() + "\"");
        }
        if (reply.location() != null) {
            response.header("Location", reply.location());
        }
        if (reply.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response;
    }
}
