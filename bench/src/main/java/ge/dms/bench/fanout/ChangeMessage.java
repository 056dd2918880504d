package ge.dms.bench.fanout;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * Reads a {@code "type":"change"} message of the live protocol into an {@link Arrival}: ids, the
 * change kind, the driver's name in the view, and every timestamp it carries. Fields that are
 * missing or malformed are left at 0 (or null) rather than failing: the message still counts.
 */
final class ChangeMessage {

    private ChangeMessage() {
    }

    static Arrival parse(JsonNode message, long driverId, long receivedNanos, long receivedWallMicros) {
        String cursor = message.path("cursor").asText(null);
        JsonNode view = message.path("order");
        JsonNode name = view.path("driver").path("name");
        return new Arrival(driverId, message.path("orderId").asLong(), message.path("version").asLong(),
                "unassigned".equals(message.path("change").asText()), name.isTextual() ? name.asText() : null,
                commitMicros(message), streamMillis(cursor), trace(message.path("trace")), sentMillis(message),
                receivedNanos, receivedWallMicros);
    }

    private static long sentMillis(JsonNode message) {
        JsonNode sent = message.path("sentMs");
        return sent.isIntegralNumber() && sent.asLong() > 0 ? sent.asLong() : 0;
    }

    /** The source commit time: the view's {@code sourceCommitTime} (µs), else {@code commitMs}, else 0. */
    static long commitMicros(JsonNode message) {
        JsonNode commit = message.path("order").path("sourceCommitTime");
        if (commit.isTextual()) {
            try {
                Instant at = Instant.parse(commit.asText());
                return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
            } catch (java.time.format.DateTimeParseException e) {
                // fall through to commitMs
            }
        }
        return message.path("commitMs").asLong(0) * 1_000;
    }

    /** A Redis stream id is {@code <ms>-<seq>}: the ms is Redis's clock when the projections wrote the entry. */
    static long streamMillis(String cursor) {
        int dash = cursor == null ? -1 : cursor.indexOf('-');
        try {
            return dash > 0 ? Long.parseLong(cursor.substring(0, dash)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code {"cdcMs":..,"streamsMs":..,"emitMs":..}}: all three positive integers, else null (a partial trace splits nothing). */
    static Arrival.Trace trace(JsonNode trace) {
        JsonNode cdc = trace.path("cdcMs");
        JsonNode streams = trace.path("streamsMs");
        JsonNode emit = trace.path("emitMs");
        if (!stamp(cdc) || !stamp(streams) || !stamp(emit)) {
            return null;
        }
        return new Arrival.Trace(cdc.asLong(), streams.asLong(), emit.asLong());
    }

    private static boolean stamp(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToLong() && node.asLong() > 0;
    }
}
