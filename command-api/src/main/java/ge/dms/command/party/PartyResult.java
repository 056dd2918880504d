package ge.dms.command.party;

import io.micronaut.serde.annotation.Serdeable;

/** A restaurant or driver after a write. */
@Serdeable
public record PartyResult(long id, String name, String phone, boolean active) {
}
