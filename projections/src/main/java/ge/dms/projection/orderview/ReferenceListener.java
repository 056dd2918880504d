package ge.dms.projection.orderview;

import ge.dms.projection.source.DriverRow;
import ge.dms.projection.source.RestaurantRow;

/**
 * Told by the {@link ReferenceCache} when a restaurant or driver it already knew changed (a rename, a
 * new phone): the hook of the rename hot path. Called on the cache's consumer thread, so it must hand
 * the work off and return.
 */
public interface ReferenceListener {

    ReferenceListener NONE = new ReferenceListener() {
        @Override
        public void restaurantChanged(RestaurantRow row) {
        }

        @Override
        public void driverChanged(DriverRow row) {
        }
    };

    void restaurantChanged(RestaurantRow row);

    void driverChanged(DriverRow row);
}
