package ge.dms.bench.data;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
final class CopyText {

    private final StringBuilder text = new StringBuilder(1 << 16);
    private int rows;
    private boolean rowStarted;

    CopyText add(Object value) {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
        switch (value) {
            case null -> text.append("\\N");
            case String s -> escape(s);
            case BigDecimal d -> text.append(d.toPlainString());
            case Instant i -> text.append(i);
            default -> text.append(value);
        }
        return this;
    }

    void endRow() {
        text.append('\n');
        rowStarted = false;
        rows++;
    }

    int rows() {
        return rows;
    }

    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    void clear() {
        text.setLength(0);
        rows = 0;
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
