package ge.dms.command.session.http;

import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;

/**
 * The answer of the web pages' sign-in and refresh: who is signed in, without the tokens (they
 * are in HttpOnly cookies, out of the scripts' reach).
 *
 * @param expiresIn seconds until the access cookie expires: when the page refreshes
 */
@Serdeable
public record BrowserSession(String username, String role, Long partyId, long expiresIn, OffsetDateTime sessionExpiresAt) {
}
