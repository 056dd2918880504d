package ge.dms.http.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document as both APIs write it: a stable {@code type} ({@link #TYPE_BASE} + slug), a title,
 * the status, a human {@code detail}, the request path as {@code instance}, per-field {@code errors} and extension
 * members (e.g. an order's current version). {@link #body()} is what a service serialises, with its own mapper,
 * as {@link #CONTENT_TYPE}.
 */
public record Problem(String slug, String title, int status, String detail, String instance, List<FieldError> errors,
                      Map<String, Object> extensions) {

    public static final String TYPE_BASE = "https://dms.ge/problems/";
    public static final String CONTENT_TYPE = "application/problem+json";
    /** Details and field messages are cut here: a value echoed from a request never makes an answer large. */
    static final int MAX_TEXT = 500;

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(slug, title, status, detail, null, List.of(), Map.of());
    }

    public Problem withInstance(String path) {
        return new Problem(slug, title, status, detail, path, errors, extensions);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(slug, title, status, detail, instance, fieldErrors, extensions);
    }

    public Problem withExtensions(Map<String, Object> members) {
        return new Problem(slug, title, status, detail, instance, errors, members);
    }

    public String type() {
        return TYPE_BASE + slug;
    }

    /** The document's members in their usual order; an extension never replaces a standard member. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type());
        body.put("title", title);
        body.put("status", status);
        body.put("detail", truncate(detail));
        if (instance != null) {
            body.put("instance", instance);
        }
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream().map(Problem::error).toList());
        }
        extensions.forEach(body::putIfAbsent);
        return body;
    }

    /** {@code field} then {@code message}, in that order in every answer (a {@code Map.of} would vary by JVM run). */
    private static Map<String, String> error(FieldError error) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("field", error.field());
        entry.put("message", truncate(error.message()));
        return entry;
    }

    private static String truncate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
    }
}
