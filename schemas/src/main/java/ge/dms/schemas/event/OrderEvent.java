package ge.dms.schemas.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A business event about one order, derived from the status change log (and, for
 * {@code DriverAssigned}, from the order row's driver). Published keyed by order id to
 * {@code dms.events.orders}. JSON Schema: {@code ge/dms/schemas/order-event.v1.schema.json}.
 * {@code eventId} is stable across replays: consumers drop an id they already hold.
 *
 * @param schemaVersion    envelope version, {@value #SCHEMA_VERSION}
 * @param eventId          stable id, e.g. {@code status-change:42} or {@code driver:7:v4}
 * @param type             what happened
 * @param orderId          the order, also the record key
 * @param fromStatus       status before (null for OrderPlaced and DriverAssigned)
 * @param toStatus         status after (null for DriverAssigned)
 * @param driverId         the driver assigned, for DriverAssigned; else null
 * @param previousDriverId the driver replaced, for a reassignment; else null
 * @param occurredAt       when it happened on the write side, UTC
 * @param actorRole        who did it (role), may be null
 * @param actorId          who did it (id), may be null
 * @param reason           optional reason (cancellations)
 * @param sourceLsn        LSN of the source change
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderEvent(int schemaVersion,
                         String eventId,
                         OrderEventType type,
                         long orderId,
                         String fromStatus,
                         String toStatus,
                         Long driverId,
                         Long previousDriverId,
                         Instant occurredAt,
                         String actorRole,
                         String actorId,
                         String reason,
                         long sourceLsn) {

    public static final int SCHEMA_VERSION = 1;
}
