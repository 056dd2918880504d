package ge.dms.projection.orderview;

import ge.dms.projection.source.DriverRow;
import ge.dms.projection.source.RestaurantRow;

/** What the foreign-key joins found for one order: its restaurant's and its driver's current rows (either may be null). */
record JoinedReferences(Long driverId, RestaurantRow restaurant, DriverRow driver) {

    static JoinedReferences ofRestaurant(OrderCore core, RestaurantRow restaurant) {
        return new JoinedReferences(core.driverId(), restaurant, null);
    }

    static JoinedReferences withDriver(JoinedReferences refs, DriverRow driver) {
        return new JoinedReferences(refs.driverId(), refs.restaurant(), driver);
    }
}
