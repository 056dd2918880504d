package ge.dms.query.http;

import java.time.Instant;
import java.util.List;

/**
 * One keyset page of a list answer: each row's JSON as served, the cursor of the next page (null on the
 * last), and the newest source commit time among the rows (null when unknown or empty) for {@code X-Data-Age-Ms}.
 */
public record ListPage(List<String> rows, String nextCursor, Instant newest) {

    /** {@code {"<field>":[row,…],"nextCursor":"…"|null}}, the rows copied in as they are. */
    public String json(String field) {
        StringBuilder body = new StringBuilder(64 + rows.stream().mapToInt(String::length).sum());
        body.append("{\"").append(field).append("\":[");
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append(rows.get(i));
        }
        // Cursors are base64url: nothing to escape.
        body.append("],\"nextCursor\":").append(nextCursor == null ? "null" : "\"" + nextCursor + "\"").append('}');
        return body.toString();
    }

    /** The newer of two times, either may be null. */
    public static Instant newer(Instant a, Instant b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }

    /** A keyset cursor after the row with this id (lists sorted by id: the id is its own sort key). */
    public static String cursorAfter(long id) {
        return new Cursor(id, id, false).encode();
    }

    /** Text for ILIKE '%…%': the wildcards and the escape character in it match themselves. */
    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
