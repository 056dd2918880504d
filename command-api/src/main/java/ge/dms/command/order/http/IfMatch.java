package ge.dms.command.order.http;

import ge.dms.command.problem.ApiException;
import ge.dms.http.problem.FieldError;
import io.micronaut.http.HttpStatus;

import java.util.List;
import java.util.Map;

/** The order version a caller saw, from {@code If-Match: "3"} (the ETag we send) or a bare {@code 3}. */
final class IfMatch {

    static final String HEADER = "If-Match";

    private IfMatch() {
    }

    static int version(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "version-required", "If-Match is required",
                    "send the order version you last saw in If-Match (the ETag of the previous answer)",
                    List.of(new FieldError(HEADER, "is required")), Map.of());
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            int version = Integer.parseInt(value);
            if (version < 1) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("If-Match must be an order version, e.g. \"3\"",
                    List.of(new FieldError(HEADER, "must be a positive whole number, optionally quoted")));
        }
    }
}
