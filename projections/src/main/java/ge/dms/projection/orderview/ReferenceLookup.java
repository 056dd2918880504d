package ge.dms.projection.orderview;

import ge.dms.projection.source.DriverRow;
import ge.dms.projection.source.RestaurantRow;

/**
 * Where the hot path looks up a restaurant or driver without a Kafka round trip. It may lag or
 * miss a row: the foreign-key join path delivers every row later anyway, and views only move
 * forward by LSN, so a lookup can only make a view complete sooner, never wrong for longer.
 */
public interface ReferenceLookup {

    /** Nothing is known up front: names arrive through the foreign-key joins only. */
    ReferenceLookup NONE = new ReferenceLookup() {
        @Override
        public RestaurantRow restaurant(long id) {
            return null;
        }

        @Override
        public DriverRow driver(long id) {
            return null;
        }
    };

    /** The newest row known, or null. */
    RestaurantRow restaurant(long id);

    /** The newest row known, or null. */
    DriverRow driver(long id);
}
