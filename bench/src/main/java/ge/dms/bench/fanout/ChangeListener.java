package ge.dms.bench.fanout;

/** Told of each change's outcome and of each socket message as it happens, from the threads that see them. */
public interface ChangeListener {

    ChangeListener NONE = new ChangeListener() {
    };

    /** The command API acknowledged (2xx) the change that moves {@code orderId} to {@code version}. */
    default void answered(long orderId, long version) {
    }

    /** It answered otherwise: {@code kind} is the status ({@code "503"}) or {@code "version n"}. */
    default void failed(String kind) {
    }

    /** No answer: a timeout or a broken connection ({@code kind} says which); the change may have been made. */
    default void unanswered(String kind) {
    }

    /** A message reached a driver's socket. */
    default void arrived() {
    }
}
