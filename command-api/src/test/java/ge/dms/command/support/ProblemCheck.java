package ge.dms.command.support;

import java.util.List;
import java.util.Map;

/** What every refusal must be: the expected 4xx, {@code application/problem+json}, and a problem document. */
public final class ProblemCheck {

    private ProblemCheck() {
    }

    /** Null when {@code reply} is a problem with status {@code expected}; else what is wrong with it. */
    public static String problemFault(TestApi.Reply reply, int expected) {
        if (reply.status() != expected) {
            return "expected " + expected;
        }
        String contentType = reply.header("Content-Type");
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "content type " + contentType;
        }
        Map<String, Object> json = reply.json();
        if (!(json.get("type") instanceof String type) || !type.startsWith("https://dms.ge/problems/")
                || !(json.get("title") instanceof String) || !(json.get("detail") instanceof String)
                || !Integer.valueOf(expected).equals(json.get("status"))) {
            return "not a problem document";
        }
        if ("https://dms.ge/problems/validation-failed".equals(json.get("type")) && !(json.get("errors") instanceof List<?> errors && !errors.isEmpty())) {
            return "validation problem without field errors";
        }
        return null;
    }
}
