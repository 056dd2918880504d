package ge.dms.bench.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Restaurants (a branch number when a name repeats) and drivers with Georgian names. */
final class Parties {

    private Parties() {
    }

    static List<Rows.Restaurant> restaurants(SplittableRandom random, int count, long firstId, Instant createdAt) {
        List<Rows.Restaurant> restaurants = new ArrayList<>(count);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String name = GeorgianText.pick(random, GeorgianText.RESTAURANT_FIRST) + " " + GeorgianText.pick(random, GeorgianText.RESTAURANT_SECOND);
            int branch = seen.merge(name, 1, Integer::sum);
            GeorgianText.Place place = GeorgianText.place(random);
            restaurants.add(new Rows.Restaurant(firstId + i, branch == 1 ? name : name + " №" + branch,
                    GeorgianText.address(random), place.city(), place.region(), GeorgianText.phone(random), createdAt));
        }
        return restaurants;
    }

    static List<Rows.Driver> drivers(SplittableRandom random, int count, long firstId, Instant createdAt) {
        List<Rows.Driver> drivers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = GeorgianText.pick(random, GeorgianText.FIRST_NAMES) + " " + GeorgianText.pick(random, GeorgianText.LAST_NAMES);
            drivers.add(new Rows.Driver(firstId + i, name, GeorgianText.phone(random),
                    GeorgianText.pick(random, GeorgianText.VEHICLES) + ", " + GeorgianText.plate(random), createdAt));
        }
        return drivers;
    }
}
