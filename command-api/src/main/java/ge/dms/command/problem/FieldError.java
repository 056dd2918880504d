package ge.dms.command.problem;

/** One bad field of a request: its JSON path (e.g. {@code items[2].quantity}) and what is wrong. */
public record FieldError(String field, String message) {
}
