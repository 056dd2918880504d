package ge.dms.query.analytics;

import java.io.IOException;
import java.io.Writer;

/**
 * RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled; CRLF line ends.
 * Fields are written straight to the writer (one scan to decide on quotes, no copy of the value),
 * since an export writes hundreds of thousands of them.
 */
public final class CsvWriter {

    private final Writer out;
    private boolean rowStarted;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    /** One whole row; null fields are empty. */
    public void row(Object... fields) throws IOException {
        for (Object field : fields) {
            field(field == null ? null : field.toString());
        }
        endRow();
    }

    /** The next field of the current row; null is empty. */
    public void field(String value) throws IOException {
        if (rowStarted) {
            out.write(',');
        }
        rowStarted = true;
        if (value == null || value.isEmpty()) {
            return;
        }
        if (!needsQuotes(value)) {
            out.write(value);
            return;
        }
        out.write('"');
        int start = 0;
        for (int quote = value.indexOf('"'); quote >= 0; quote = value.indexOf('"', start)) {
            out.write(value, start, quote + 1 - start);
            out.write('"');
            start = quote + 1;
        }
        out.write(value, start, value.length() - start);
        out.write('"');
    }

    /** Ends the current row. */
    public void endRow() throws IOException {
        out.write("\r\n");
        rowStarted = false;
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
