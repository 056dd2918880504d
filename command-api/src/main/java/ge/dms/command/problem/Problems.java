package ge.dms.command.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes RFC 9457 problem documents. The body is serialised here, to a string, so every error
 * path (ours, Micronaut's, security's) produces byte-for-byte the same shape and content type.
 */
@Singleton
public class Problems {

    public static final String TYPE_BASE = "https://dms.ge/problems/";
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final int MAX_DETAIL = 500;

    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json;
    }

    public MutableHttpResponse<String> response(HttpRequest<?> request, ApiException e) {
        return response(request, e.status(), e.slug(), e.title(), e.getMessage(), e.errors(), e.extensions());
    }

    public MutableHttpResponse<String> response(HttpRequest<?> request, HttpStatus status, String slug, String title,
                                                String detail, List<FieldError> errors, Map<String, Object> extensions) {
        return write(HttpResponse.status(status), request, status, slug, title, detail, errors, extensions);
    }

    /** Fills a response Micronaut already made (its status and headers are kept). */
    public <T> MutableHttpResponse<T> write(MutableHttpResponse<?> response, HttpRequest<?> request, HttpStatus status,
                                            String slug, String title, String detail, List<FieldError> errors,
                                            Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + slug);
        body.put("title", title);
        body.put("status", status.getCode());
        body.put("detail", truncate(detail));
        if (request != null) {
            body.put("instance", request.getPath());
        }
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream()
                    .map(e -> Map.of("field", e.field(), "message", truncate(e.message())))
                    .toList());
        }
        extensions.forEach(body::putIfAbsent);
        try {
            @SuppressWarnings("unchecked")
            MutableHttpResponse<T> typed = (MutableHttpResponse<T>) response.status(status)
                    .contentType(CONTENT_TYPE).body(json.writeValueAsString(body));
            return typed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String truncate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
    }
}
