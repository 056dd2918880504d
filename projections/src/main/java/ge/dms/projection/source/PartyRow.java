package ge.dms.projection.source;

import java.time.Instant;

/**
 * One {@code restaurants} or {@code drivers} row as the admins' party lists show it, with its change's LSN.
 * Restaurants fill address/city/region, drivers vehicle; {@code deleted} for a delete (a driver's delete
 * carries only the id: REPLICA IDENTITY DEFAULT).
 */
public record PartyRow(Kind kind, long id, String name, String phone, String address, String city, String region,
                       String vehicle, boolean active, Instant createdAt, Instant updatedAt, String updatedByRole,
                       Long updatedById, long lsn, Instant commitTime, boolean deleted) {

    public enum Kind { RESTAURANT, DRIVER }
}
