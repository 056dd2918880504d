package ge.dms.command.session;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/session/refresh}: the refresh token of the last answer. */
@Serdeable
public record Refresh(@NotBlank @Size(max = 200) String refreshToken) {
}
