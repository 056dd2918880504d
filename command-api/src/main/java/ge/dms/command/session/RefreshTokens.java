package ge.dms.command.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Opaque random secrets: session ids (128 bits) and refresh tokens (256 bits), base64url without
 * padding. Only the SHA-256 of a refresh token is stored: it is already full-entropy, so a slow
 * hash would add nothing, and a leaked table gives no usable token.
 */
public final class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RefreshTokens() {
    }

    public static String newSessionId() {
        return random(16);
    }

    public static String newRefreshToken() {
        return random(32);
    }

    /** Lowercase hex SHA-256 of the token's UTF-8 bytes (64 characters). */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
