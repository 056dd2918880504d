package ge.dms.projection.source;

import java.time.Instant;

/** One {@code drivers} row (the columns views show), with its change's LSN. */
public record DriverRow(long id, String name, String phone, String vehicle, long lsn, Instant commitTime) {

    /** Keeps the newer of two rows by LSN. */
    public static DriverRow newer(DriverRow held, DriverRow next) {
        return next.lsn() >= held.lsn() ? next : held;
    }

    /** True when a view would show the two alike (LSN and commit time aside). */
    public boolean sameContent(DriverRow other) {
        return id == other.id && java.util.Objects.equals(name, other.name) && java.util.Objects.equals(phone, other.phone)
                && java.util.Objects.equals(vehicle, other.vehicle);
    }
}
