package ge.dms.query.driver.live;

/** A live feed ended on the server's side: the client may resume from {@link #cursor()}. */
public final class FeedClosedException extends Exception {

    private final String cursor;
    private final boolean retryLater;

    public FeedClosedException(String reason, String cursor, boolean retryLater) {
        super(reason);
        this.cursor = cursor;
        this.retryLater = retryLater;
    }

    public String cursor() {
        return cursor;
    }

    /** True when the server cannot serve now (Redis down); false when the client fell behind. */
    public boolean retryLater() {
        return retryLater;
    }
}
