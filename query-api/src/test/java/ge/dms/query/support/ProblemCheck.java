package ge.dms.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.schemas.serde.Json;

import java.io.IOException;
import java.net.http.HttpResponse;

/** What every refusal must be: the expected 4xx (or 503), {@code application/problem+json}, and a problem document. */
public final class ProblemCheck {

    private ProblemCheck() {
    }

    /** Null when {@code reply} is a problem with status {@code expected} (and type ending in {@code slug}, unless null). */
    public static String problemFault(HttpResponse<String> reply, int expected, String slug) {
        if (reply.statusCode() != expected) {
            return "expected " + expected;
        }
        String contentType = reply.headers().firstValue("Content-Type").orElse(null);
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "content type " + contentType;
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(reply.body());
        } catch (IOException e) {
            return "not JSON";
        }
        if (!json.path("type").asText().startsWith("https://dms.ge/problems/") || !json.path("title").isTextual()
                || !json.path("detail").isTextual() || json.path("status").asInt() != expected) {
            return "not a problem document";
        }
        if (slug != null && !json.path("type").asText().equals("https://dms.ge/problems/" + slug)) {
            return "type " + json.path("type").asText();
        }
        return null;
    }
}
