package ge.dms.bench.export;

/**
 * Counts RFC 4180 records in a byte stream as it arrives: a line feed ends a record unless it is
 * inside a quoted field (notes and addresses may hold line breaks). UTF-8 continuation bytes never
 * equal {@code "} or LF, so counting on bytes is exact.
 */
final class CsvRecords {

    private boolean quoted;
    private long records;
    private boolean open;

    void accept(byte[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            byte b = buffer[i];
            if (b == '"') {
                quoted = !quoted; // a doubled quote toggles twice: still inside
                open = true;
            } else if (b == '\n' && !quoted) {
                records++;
                open = false;
            } else if (b != '\r') {
                open = true;
            }
        }
    }

    /** Records seen, counting a last one without its line break. */
    long records() {
        return records + (open ? 1 : 0);
    }

    /** Data rows: records minus the header. */
    long rows() {
        return Math.max(0, records() - 1);
    }
}
