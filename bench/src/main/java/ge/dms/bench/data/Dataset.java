package ge.dms.bench.data;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The whole generated data set, deterministic for a seed, scale, end time and id bases: the
 * parties and catalog held in memory, the orders streamed in creation order (so 10 million do not
 * need 10 million objects at once). Pure: no database here.
 */
public final class Dataset {

    private final Scale scale;
    private final long seed;
    private final Instant end;
    private final IdBases ids;
    private final List<Rows.Restaurant> restaurants;
    private final List<Rows.Driver> drivers;
    private final List<Rows.Product> products;
    private final double[] popularity;

    public Dataset(Scale scale, long seed, Instant end, IdBases ids) {
        this.scale = scale;
        this.seed = seed;
        this.end = end;
        this.ids = ids;
        SplittableRandom random = new SplittableRandom(seed);
        Instant opened = new OrderTimeline(end, scale.months()).start().minusSeconds(86_400L * 30);
        this.restaurants = Parties.restaurants(random, scale.restaurants(), ids.restaurant(), opened);
        this.drivers = Parties.drivers(random, scale.drivers(), ids.driver(), opened);
        this.products = ProductCatalog.generate(random, scale.products(), ids.product(), opened);
        this.popularity = popularity(random, scale.restaurants());
    }

    public Scale scale() {
        return scale;
    }

    public List<Rows.Restaurant> restaurants() {
        return restaurants;
    }

    public List<Rows.Driver> drivers() {
        return drivers;
    }

    public List<Rows.Product> products() {
        return products;
    }

    /** Calls {@code sink} with every order, oldest first, ids ascending from {@link IdBases#order()}. */
    public void forEachOrder(Consumer<Rows.Order> sink) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        OrderLines lines = new OrderLines(random.split(), products, restaurants.size());
        OrderSimulator simulator = new OrderSimulator(drivers, end);
        long[] next = {0};
        new OrderTimeline(end, scale.months()).forEach(random.split(), scale.orders(), created -> {
            int r = restaurant(random);
            long n = next[0]++;
            sink.accept(simulator.simulate(random, ids.order() + n, ids.referenceNumber() + n, restaurants.get(r), created,
                    lines.lines(random, r)));
        });
    }

    /** Zipf-like: a few big restaurants order a lot, most order a little; shuffled so ids do not tell. */
    private static double[] popularity(SplittableRandom random, int count) {
        double[] weights = new double[count];
        for (int i = 0; i < count; i++) {
            weights[i] = 1 / Math.pow(i + 1, 0.6);
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double w = weights[i];
            weights[i] = weights[j];
            weights[j] = w;
        }
        double[] cumulative = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        return cumulative;
    }

    private int restaurant(SplittableRandom random) {
        double x = random.nextDouble() * popularity[popularity.length - 1];
        int i = Arrays.binarySearch(popularity, x);
        return Math.min(i >= 0 ? i : -i - 1, popularity.length - 1);
    }
}
