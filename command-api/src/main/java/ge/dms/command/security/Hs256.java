package ge.dms.command.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Compact JWS with HMAC-SHA256, the one algorithm this service accepts. Kept to the JDK: the
 * header is fixed, so {@code alg: none} and algorithm confusion cannot be smuggled in.
 */
public final class Hs256 {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String HEADER = ENCODER.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private Hs256() {
    }

    public static String sign(byte[] key, String claimsJson) {
        String payload = HEADER + "." + ENCODER.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(mac(key, payload));
    }

    /** The claims JSON when the token is well formed, HS256 and signed with {@code key}; else empty. */
    public static Optional<String> verify(byte[] key, String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(HEADER)) {
            return Optional.empty();
        }
        try {
            byte[] expected = mac(key, parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, DECODER.decode(parts[2]))) {
                return Optional.empty();
            }
            return Optional.of(new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] mac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
