package ge.dms.query.board;

import ge.dms.schemas.view.BoardRow;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A board row in its stored form ({@link BoardRow#stored()}: {@code <commit ms>|<status>|<JSON>}),
 * read from the UTF-8 bytes Redis returned without decoding them: the prefixes are ASCII, the
 * JSON is served as it is.
 *
 * @param commitMillis source commit time in epoch ms, {@link Long#MIN_VALUE} when unknown
 */
record StoredRow(byte[] raw, long commitMillis, int statusStart, int jsonStart) {

    private static final byte SEPARATOR = '|';

    static StoredRow of(byte[] raw) {
        int first = indexOf(raw, 0);
        int second = first < 0 ? -1 : indexOf(raw, first + 1);
        if (second < 0) {
            throw new IllegalArgumentException("not a stored board row: "
                    + new String(raw, 0, Math.min(raw.length, 40), StandardCharsets.UTF_8));
        }
        long commit = first == 0 ? Long.MIN_VALUE : 0;
        for (int i = 0; i < first; i++) {
            int digit = raw[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("not a stored board row: bad commit time");
            }
            commit = commit * 10 + digit;
        }
        return new StoredRow(raw, commit, first + 1, second + 1);
    }

    /** True when the stored status is {@code status} (ASCII). */
    boolean hasStatus(String status) {
        int length = jsonStart - 1 - statusStart;
        if (length != status.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (raw[statusStart + i] != status.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The row's JSON, a view of the stored bytes. */
    ByteBuffer json() {
        return ByteBuffer.wrap(raw, jsonStart, raw.length - jsonStart);
    }

    private static int indexOf(byte[] raw, int from) {
        for (int i = from; i < raw.length; i++) {
            if (raw[i] == SEPARATOR) {
                return i;
            }
        }
        return -1;
    }
}
