package ge.dms.query.driver.live;

/** Redis stream entry ids ({@code <ms>-<seq>}): parsing and ordering. A cursor of the live protocol is one. */
public final class StreamIds {

    public static final String ZERO = "0-0";

    private StreamIds() {
    }

    /** Negative, zero or positive as {@code a} is before, equal to or after {@code b}. */
    public static int compare(String a, String b) {
        long[] x = parse(a);
        long[] y = parse(b);
        int c = Long.compare(x[0], y[0]);
        return c != 0 ? c : Long.compare(x[1], y[1]);
    }

    /** True for {@code 123} or {@code 123-4} with non-negative numbers. */
    public static boolean isValid(String id) {
        try {
            parse(id);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static long[] parse(String id) {
        int dash = id.indexOf('-');
        long ms = Long.parseLong(dash < 0 ? id : id.substring(0, dash));
        long seq = dash < 0 ? 0 : Long.parseLong(id.substring(dash + 1));
        if (ms < 0 || seq < 0) {
            throw new IllegalArgumentException("negative stream id " + id);
        }
        return new long[] {ms, seq};
    }
}
