package ge.dms.query.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.time.Instant;

/** JSON answers with their freshness: {@code X-Data-Age-Ms}, {@code X-Data-Source}, {@code X-Data-Stale}. */
public final class ViewResponse {

    public static final String AGE = "X-Data-Age-Ms";
    public static final String SOURCE = "X-Data-Source";
    public static final String STALE = "X-Data-Stale";

    private ViewResponse() {
    }

    /**
     * @param newest commit time of the newest change the answer reflects; null when unknown (empty answer)
     */
    public static MutableHttpResponse<String> ok(String json, Source source, Instant newest, boolean stale) {
        return withFreshness(HttpResponse.ok(json), source, newest, stale);
    }

    /** The same for a body that is already UTF-8 JSON (served as it is, not encoded again). */
    public static MutableHttpResponse<byte[]> ok(byte[] json, Source source, Instant newest, boolean stale) {
        return withFreshness(HttpResponse.ok(json), source, newest, stale);
    }

    private static <T> MutableHttpResponse<T> withFreshness(MutableHttpResponse<T> ok, Source source, Instant newest, boolean stale) {
        MutableHttpResponse<T> response = ok.contentType(MediaType.APPLICATION_JSON_TYPE).header(SOURCE, source.header());
        if (newest != null) {
            response.header(AGE, Long.toString(Math.max(0, System.currentTimeMillis() - newest.toEpochMilli())));
        }
        if (stale) {
            response.header(STALE, "true");
        }
        return response;
    }

    /** Where an answer came from. */
    public enum Source {
        REDIS("redis"), READ_STORE("read-store"), READ_STORE_FALLBACK("read-store; redis-unavailable");

        private final String header;

        Source(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }
    }
}
