package ge.dms.query.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import ge.dms.schemas.serde.Json;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem bodies: stable {@code type}, human {@code detail}, per-field errors. */
public final class Problems {

    public static final String TYPE_BASE = "https://dms.ge/problems/";
    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private Problems() {
    }

    public static io.micronaut.http.MutableHttpResponse<String> response(HttpStatus status, String type, String detail, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", status.getReason());
        body.put("status", status.getCode());
        body.put("detail", detail);
        if (field != null) {
            body.put("errors", List.of(Map.of("field", field, "message", detail)));
        }
        return HttpResponse.<String>status(status).contentType(PROBLEM_JSON).body(json(body));
    }

    public static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
