package ge.dms.http.problem;

/** One bad field of a request: its JSON path or parameter name (e.g. {@code items[2].quantity}) and what is wrong. */
public record FieldError(String field, String message) {
}
