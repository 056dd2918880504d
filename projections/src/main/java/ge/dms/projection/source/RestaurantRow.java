package ge.dms.projection.source;

import java.time.Instant;

/** One {@code restaurants} row (the columns views show), with its change's LSN. */
public record RestaurantRow(long id, String name, String address, String city, String phone,
                            long lsn, Instant commitTime) {

    /** Keeps the newer of two rows by LSN, so a replayed older rename never wins. */
    public static RestaurantRow newer(RestaurantRow held, RestaurantRow next) {
        return next.lsn() >= held.lsn() ? next : held;
    }

    /** True when a view would show the two alike (LSN and commit time aside). */
    public boolean sameContent(RestaurantRow other) {
        return id == other.id && java.util.Objects.equals(name, other.name) && java.util.Objects.equals(address, other.address)
                && java.util.Objects.equals(city, other.city) && java.util.Objects.equals(phone, other.phone);
    }
}
