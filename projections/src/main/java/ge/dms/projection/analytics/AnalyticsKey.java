package ge.dms.projection.analytics;

import java.time.LocalDate;

/**
 * One analytics row: a day (Asia/Tbilisi) for one restaurant or one driver.
 *
 * @param dimension {@link #RESTAURANT} or {@link #DRIVER}
 * @param id        the restaurant's or driver's id
 * @param day       the order's creation day in Asia/Tbilisi
 */
public record AnalyticsKey(String dimension, long id, LocalDate day) {

    public static final String RESTAURANT = "restaurant";
    public static final String DRIVER = "driver";
}
