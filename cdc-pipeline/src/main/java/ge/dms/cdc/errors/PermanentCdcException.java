package ge.dms.cdc.errors;

/**
 * A failure that retrying cannot fix (wrong password, missing publication, lost slot): the
 * pipeline stops and the message says what an operator must do.
 */
public final class PermanentCdcException extends RuntimeException {

    public PermanentCdcException(String message) {
        super(message);
    }

    public PermanentCdcException(String message, Throwable cause) {
        super(message, cause);
    }
}
