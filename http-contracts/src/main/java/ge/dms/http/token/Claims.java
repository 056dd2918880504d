package ge.dms.http.token;

/**
 * The claim names of a DMS bearer token (HS256 JWT): {@code iss}, {@code sub}, {@code exp} as JWT defines them, and
 * these. Command-api signs them, both APIs read them.
 */
public final class Claims {

    /** Exactly one {@link Role#value()}. */
    public static final String ROLES = "roles";
    /** The restaurant's or driver's id the caller acts for; required for those roles, optional for an admin. */
    public static final String PARTY_ID = "dms_id";
    /** The sign-in session; absent on tokens not from sign-in ({@code ./dev token}). */
    public static final String SESSION = "sid";
    /** The issuer both APIs expect unless {@code dms.jwt.issuer} says otherwise. */
    public static final String DEFAULT_ISSUER = "dms";

    private Claims() {
    }
}
