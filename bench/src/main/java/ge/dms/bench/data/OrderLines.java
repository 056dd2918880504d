package ge.dms.bench.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What restaurants buy: each restaurant has its regular products (most lines come from them),
 * orders have 2–17 lines, quantities fit the unit (kg by the half or weighed to the gram,
 * whole pieces and boxes). Prices and names are copied from the catalog, as the API does.
 */
final class OrderLines {

    private static final int REGULARS = 60;
    private static final double[] KG = {0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 7.5, 10, 15, 20, 25};

    private final List<Rows.Product> active;
    private final List<List<Rows.Product>> regulars;

    OrderLines(SplittableRandom random, List<Rows.Product> products, int restaurants) {
        this.active = products.stream().filter(Rows.Product::active).toList();
        this.regulars = new ArrayList<>(restaurants);
        for (int r = 0; r < restaurants; r++) {
            List<Rows.Product> mine = new ArrayList<>(REGULARS);
            for (int i = 0; i < Math.min(REGULARS, active.size()); i++) {
                mine.add(active.get(random.nextInt(active.size())));
            }
            regulars.add(mine);
        }
    }

    List<Rows.Item> lines(SplittableRandom random, int restaurantIndex) {
        int count = 2 + (int) (Math.pow(random.nextDouble(), 1.5) * 16);
        List<Rows.Product> mine = regulars.get(restaurantIndex);
        Set<Long> taken = new HashSet<>();
        List<Rows.Item> items = new ArrayList<>(count);
        for (int attempt = 0; items.size() < count && attempt < count * 4; attempt++) {
            Rows.Product p = random.nextInt(100) < 85 ? mine.get(random.nextInt(mine.size())) : active.get(random.nextInt(active.size()));
            if (taken.add(p.id())) {
                BigDecimal quantity = quantity(random, p.unit());
                items.add(new Rows.Item(p.id(), p.name(), p.price(), quantity,
                        p.price().multiply(quantity).setScale(2, RoundingMode.HALF_UP)));
            }
        }
        return items;
    }

    private static BigDecimal quantity(SplittableRandom random, String unit) {
        return switch (unit) {
            case "kg" -> random.nextInt(5) == 0
                    ? BigDecimal.valueOf(500 + random.nextInt(20_000), 3) // weighed: 0.500 to 20.499 kg
                    : BigDecimal.valueOf(KG[random.nextInt(KG.length)]).setScale(1, RoundingMode.UNNECESSARY);
            case "litre" -> BigDecimal.valueOf(1 + random.nextInt(40), 0).divide(BigDecimal.TWO).setScale(1, RoundingMode.UNNECESSARY);
            case "box" -> BigDecimal.valueOf(1 + random.nextInt(10));
            default -> BigDecimal.valueOf(1 + random.nextInt(60));
        };
    }
}
