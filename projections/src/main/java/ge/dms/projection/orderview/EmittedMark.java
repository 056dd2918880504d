package ge.dms.projection.orderview;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import ge.dms.schemas.view.OrderView;

/**
 * What the order state keeps of the view it last emitted: the four numbers {@link OrderView#isNewerThan} compares,
 * not the view. The whole view (items and names again) was half of each state's JSON, read and written on every
 * change. States written before keep working: their {@code emitted} object is a whole view, of which these four
 * fields are read and the rest ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record EmittedMark(long version, long sourceLsn, long restaurantLsn, long driverLsn) {

    static EmittedMark of(OrderView view) {
        return view == null ? null : new EmittedMark(view.version(), view.sourceLsn(), view.restaurantLsn(), view.driverLsn());
    }

    /** True when {@code view} is newer than the one this marks (the rule of {@link OrderView#isNewerThan}); any view is newer than none. */
    static boolean isNewer(OrderView view, EmittedMark held) {
        return held == null || view.isNewerThan(held.version, held.sourceLsn, held.restaurantLsn, held.driverLsn);
    }
}
