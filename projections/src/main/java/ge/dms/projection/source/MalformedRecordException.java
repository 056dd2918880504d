package ge.dms.projection.source;

/** A permanent problem with one input record: it goes to the dead-letter topic, processing goes on. */
public final class MalformedRecordException extends RuntimeException {

    public MalformedRecordException(String message) {
        super(message);
    }

    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
