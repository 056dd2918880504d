package ge.dms.command.session;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashes (Spring Security's encoder over Bouncy Castle; PHC strings that carry
 * their salt and parameters, so parameters can be raised later without a migration). A sign-in for
 * an unknown username verifies against a dummy hash, so it costs what a wrong password costs and
 * the answer time does not tell which usernames exist.
 */
public final class Passwords {

    // Spring Security's current defaults: 16-byte salt, 32-byte hash, 16 MiB, 2 iterations, 1 lane.
    private static final Argon2PasswordEncoder ENCODER = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private static final String DUMMY = ENCODER.encode("no account has this password");

    private Passwords() {
    }

    public static String hash(String password) {
        return ENCODER.encode(password);
    }

    /** @param hash null for an unknown account: then a dummy hash is checked and the answer is false */
    public static boolean matches(String password, String hash) {
        boolean matched = ENCODER.matches(password, hash == null ? DUMMY : hash);
        return hash != null && matched;
    }
}
