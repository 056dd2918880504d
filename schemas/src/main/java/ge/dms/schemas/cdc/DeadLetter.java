package ge.dms.schemas.cdc;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A change cdc-pipeline could not convert into a {@link ChangeEvent}, parked with the reason
 * so that publishing goes on. JSON Schema: {@code ge/dms/schemas/cdc-dead-letter.v1.schema.json}.
 *
 * @param version  envelope version, {@value #VERSION}
 * @param table    source table, or null when unknown
 * @param lsn      source LSN, or null when unknown
 * @param reason   what went wrong, for a person
 * @param payload  the raw change as text, as far as it could be rendered
 * @param failedAt when it failed, UTC
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadLetter(int version, String table, Long lsn, String reason, String payload, Instant failedAt) {

    public static final int VERSION = 1;
}
