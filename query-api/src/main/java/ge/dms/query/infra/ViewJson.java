package ge.dms.query.infra;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.schemas.serde.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** Reading the few fields a query needs out of a stored order view JSON, and wrapping lists of them. */
public final class ViewJson {

    private ViewJson() {
    }

    public static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Instant commitTime(JsonNode view) {
        JsonNode t = view.get("sourceCommitTime");
        return t == null || t.isNull() ? null : Instant.parse(t.asText());
    }

    /** The newest commit time among the views, or null. */
    public static Instant newest(List<String> views) {
        Instant newest = null;
        for (String v : views) {
            Instant t = commitTime(parse(v));
            if (t != null && (newest == null || t.isAfter(newest))) {
                newest = t;
            }
        }
        return newest;
    }

    /** {@code {"orders":[...],"nextCursor":...}} from raw JSON objects (views or board rows), without re-serialising each. */
    public static String page(List<String> views, String nextCursor) {
        StringBuilder sb = new StringBuilder(64 + views.stream().mapToInt(String::length).sum());
        sb.append("{\"orders\":[");
        for (int i = 0; i < views.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(views.get(i));
        }
        sb.append("],\"nextCursor\":").append(nextCursor == null ? "null" : "\"" + nextCursor + "\"").append('}');
        return sb.toString();
    }
}
