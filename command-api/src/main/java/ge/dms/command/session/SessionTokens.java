package ge.dms.command.session;

import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;

/**
 * The answer of sign-in and refresh: a short-lived bearer token for both APIs (its {@code sid}
 * claim names the session) and the one-time refresh token that gets the next one.
 *
 * @param expiresIn        seconds until {@code accessToken} expires
 * @param sessionExpiresAt when the session ends: no refresh after it, sign in again
 * @param partyId          the restaurant's or driver's id the account acts for; null for admins
 */
@Serdeable
public record SessionTokens(String accessToken, String tokenType, long expiresIn, String refreshToken,
                            OffsetDateTime sessionExpiresAt, String sessionId, String username, String role, Long partyId) {
}
