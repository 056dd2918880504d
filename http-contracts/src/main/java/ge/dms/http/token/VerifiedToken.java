package ge.dms.http.token;

/** A token that passed every rule of {@link TokenCodec#verify}: its subject and the caller it names. */
public record VerifiedToken(String subject, Caller caller) {
}
