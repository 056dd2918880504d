package ge.dms.projection.analytics;

import java.time.LocalDate;

/**
 * One analytics row: a day (Asia/Tbilisi) for one restaurant, one driver, or all orders.
 *
 * @param dimension {@link #RESTAURANT}, {@link #DRIVER} or {@link #ALL}
 * @param id        the restaurant's or driver's id; {@link #ALL_ID} for {@link #ALL}
 * @param day       the order's creation day in Asia/Tbilisi
 */
public record AnalyticsKey(String dimension, long id, LocalDate day) {

    public static final String RESTAURANT = "restaurant";
    public static final String DRIVER = "driver";
    /** Every order of the day, whatever its restaurant: what "all restaurants" questions read (one row a day). */
    public static final String ALL = "all";
    public static final long ALL_ID = 0;
}
