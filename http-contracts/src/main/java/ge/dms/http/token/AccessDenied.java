package ge.dms.http.token;

/** A valid caller asked for something its role or party may not see or do: a 403 problem at the HTTP edge. */
public class AccessDenied extends RuntimeException {

    public AccessDenied(String detail) {
        super(detail);
    }
}
