package ge.dms.query.board;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * One page of the board: board rows' JSON ({@link ge.dms.schemas.view.BoardRow}, UTF-8) newest
 * first, the cursor of the next page (null on the last), and the newest source commit time among
 * the rows (null when unknown or empty), for {@code X-Data-Age-Ms}.
 */
public record BoardPage(List<ByteBuffer> rows, String nextCursor, Instant newest) {

    private static final byte[] START = "{\"orders\":[".getBytes(StandardCharsets.US_ASCII);

    /** {@code {"orders":[row,…],"nextCursor":"…"|null}}, the rows copied in as they are. */
    public byte[] json() {
        byte[] end = ("],\"nextCursor\":" + (nextCursor == null ? "null" : "\"" + nextCursor + "\"") + "}")
                .getBytes(StandardCharsets.US_ASCII); // cursors are base64url
        int length = START.length + end.length + Math.max(0, rows.size() - 1);
        for (ByteBuffer row : rows) {
            length += row.remaining();
        }
        byte[] body = new byte[length];
        System.arraycopy(START, 0, body, 0, START.length);
        int at = START.length;
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                body[at++] = ',';
            }
            ByteBuffer row = rows.get(i).duplicate();
            int n = row.remaining();
            row.get(body, at, n);
            at += n;
        }
        System.arraycopy(end, 0, body, at, end.length);
        return body;
    }
}
