package ge.dms.query.driver.live;

import ge.dms.query.http.Problems;
import ge.dms.schemas.trace.Correlation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message of the live protocol, already as JSON. {@code cursor} is set on changes (resume
 * with it); {@code event} is the SSE event name: hello, change, resync, closing. A change also
 * keeps its source commit and the projections' emit stamp (epoch ms, 0 when unknown) for {@link LiveMetrics}.
 */
public record LiveMessage(String event, String cursor, String json, long commitMs, long emitMs) {

    public LiveMessage(String event, String cursor, String json) {
        this(event, cursor, json, 0, 0);
    }

    /**
     * A change entry of a stream: orderId, version, change (upsert|unassigned|moved), status, commitMs, requestId (the
     * correlation id of the request behind the change, when known), and trace and view (a driver's stream) or row (a
     * restaurant board's and the dispatcher's).
     */
    public static LiveMessage change(String cursor, Map<String, String> fields) {
        StringBuilder sb = new StringBuilder(256 + fields.getOrDefault("view", "").length());
        sb.append("{\"type\":\"change\",\"cursor\":\"").append(cursor).append('"');
        sb.append(",\"orderId\":").append(number(fields.get("orderId")));
        sb.append(",\"version\":").append(number(fields.get("version")));
        sb.append(",\"change\":").append(Problems.json(fields.getOrDefault("change", "upsert")));
        if (fields.get("status") != null) {
            sb.append(",\"status\":").append(Problems.json(fields.get("status")));
        }
        String commit = fields.get("commitMs");
        if (commit != null && !commit.isEmpty()) {
            sb.append(",\"commitMs\":").append(number(commit));
        }
        String requestId = fields.get(Correlation.STREAM_FIELD);
        if (requestId != null && !requestId.isEmpty()) {
            sb.append(",\"requestId\":").append(Problems.json(requestId));
        }
        String trace = fields.get("trace");
        long emitted = 0;
        if (trace != null && !trace.isEmpty()) {
            emitted = appendTrace(sb, trace);
        }
        String row = fields.get("row");
        if (row != null && !row.isEmpty()) {
            sb.append(",\"row\":").append(row); // the stored BoardRow JSON (board and dispatcher feeds)
        }
        String view = fields.get("view");
        if (view != null && !view.isEmpty()) {
            sb.append(",\"order\":").append(view); // the stored OrderView JSON, as written by projections
        }
        return new LiveMessage("change", cursor, sb.append('}').toString(), millis(commit), emitted);
    }

    /**
     * The projections' hop stamps ({@code <cdc sent ms>,<streams in ms>,<emitted ms>}) as
     * {@code "trace":{"cdcMs":..,"streamsMs":..,"emitMs":..}}; a malformed one is left out, never fatal.
     * Returns the emit stamp, 0 when there is none.
     */
    private static long appendTrace(StringBuilder sb, String stored) {
        String[] parts = stored.split(",", -1);
        if (parts.length != 3) {
            return 0;
        }
        try {
            long cdc = Long.parseLong(parts[0]);
            long streams = Long.parseLong(parts[1]);
            long emit = Long.parseLong(parts[2]);
            sb.append(",\"trace\":{\"cdcMs\":").append(cdc).append(",\"streamsMs\":").append(streams)
                    .append(",\"emitMs\":").append(emit).append('}');
            return emit;
        } catch (NumberFormatException e) {
            // written by an older or foreign writer: the message goes out without its trace
            return 0;
        }
    }

    private static long millis(String epochMs) {
        try {
            return epochMs == null || epochMs.isEmpty() ? 0 : Long.parseLong(epochMs);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The JSON to write now: a change gets {@code "sentMs"} (epoch ms) appended, the last stamp of the
     * per-hop trace (Redis entry → socket written); control messages go as they are.
     */
    public String jsonSentAt(long epochMs) {
        if (!"change".equals(event)) {
            return json;
        }
        return json.substring(0, json.length() - 1) + ",\"sentMs\":" + epochMs + '}';
    }

    public static LiveMessage hello(long driverId, String cursor) {
        return hello("driverId", driverId, cursor);
    }

    /** {@code {"type":"hello","<field>":<value>,"cursor":…}}: whose feed this is, and where it starts. */
    public static LiveMessage hello(String field, Object value, String cursor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "hello");
        body.put(field, value);
        body.put("cursor", cursor);
        return control("hello", body);
    }

    public static LiveMessage resync(String cursor, String reason) {
        return control("resync", Map.of("type", "resync", "cursor", cursor, "reason", reason));
    }

    public static LiveMessage closing(String cursor, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "closing");
        body.put("reason", reason);
        body.put("cursor", cursor);
        return control("closing", body);
    }

    private static LiveMessage control(String event, Map<String, Object> body) {
        return new LiveMessage(event, null, Problems.json(body));
    }

    private static String number(String value) {
        return value == null || value.isEmpty() ? "null" : Long.toString(Long.parseLong(value));
    }
}
