package ge.dms.schemas.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * An input record the projections could not use, parked with the reason so processing goes on.
 * Topic {@code dms.projections.dead-letter}, keyed by source topic.
 * JSON Schema: {@code ge/dms/schemas/projection-dead-letter.v1.schema.json}.
 *
 * @param schemaVersion envelope version, {@value #SCHEMA_VERSION}
 * @param sourceTopic   where the record was read
 * @param partition     its partition
 * @param offset        its offset
 * @param key           the record key as UTF-8 text, may be null
 * @param reason        what was wrong, for a person
 * @param payload       the record value as UTF-8 text, may be null
 * @param failedAt      when it was rejected, UTC
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectionDeadLetter(int schemaVersion,
                                   String sourceTopic,
                                   int partition,
                                   long offset,
                                   String key,
                                   String reason,
                                   String payload,
                                   Instant failedAt) {

    public static final int SCHEMA_VERSION = 1;
}
