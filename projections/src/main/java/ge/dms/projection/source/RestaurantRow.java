package ge.dms.projection.source;

import java.time.Instant;

/** One {@code restaurants} row (the columns views show), with its change's LSN. */
public record RestaurantRow(long id, String name, String address, String city, String phone,
                            long lsn, Instant commitTime) {

    /** Keeps the newer of two rows by LSN, so a replayed older rename never wins. */
    public static RestaurantRow newer(RestaurantRow held, RestaurantRow next) {
        return next.lsn() >= held.lsn() ? next : held;
    }
}
