package ge.dms.bench.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A distributor's catalog: real Georgian products (cheeses, produce, meat, spices, bread, drinks)
 * in variants by origin and grade, with plausible GEL prices per kg, litre, piece or box.
 */
final class ProductCatalog {

    private record Base(String name, String category, String unit, double price, String code) {
    }

    private static final List<Base> BASES = List.of(
            new Base("იმერული ყველი", "dairy", "kg", 16.5, "DRY"), new Base("სულგუნი", "dairy", "kg", 18.9, "DRY"),
            new Base("შებოლილი სულგუნი", "dairy", "kg", 21.0, "DRY"), new Base("ნადუღი", "dairy", "kg", 14.0, "DRY"),
            new Base("მაწონი", "dairy", "litre", 4.2, "DRY"), new Base("კარაქი", "dairy", "kg", 24.0, "DRY"),
            new Base("არაჟანი", "dairy", "litre", 7.5, "DRY"), new Base("გუდის ყველი", "dairy", "kg", 26.0, "DRY"),
            new Base("კარტოფილი", "produce", "kg", 1.35, "PRD"), new Base("პომიდორი", "produce", "kg", 4.8, "PRD"),
            new Base("კიტრი", "produce", "kg", 3.6, "PRD"), new Base("ბადრიჯანი", "produce", "kg", 3.2, "PRD"),
            new Base("ხახვი", "produce", "kg", 1.6, "PRD"), new Base("ნიორი", "produce", "kg", 9.0, "PRD"),
            new Base("წიწაკა", "produce", "kg", 5.5, "PRD"), new Base("ქინძი", "produce", "piece", 0.8, "PRD"),
            new Base("ოხრახუში", "produce", "piece", 0.8, "PRD"), new Base("ტარხუნა", "produce", "piece", 1.0, "PRD"),
            new Base("ისპანახი", "produce", "kg", 6.0, "PRD"), new Base("ჭარხალი", "produce", "kg", 1.8, "PRD"),
            new Base("ღორის კისერი", "meat", "kg", 19.5, "MEA"), new Base("საქონლის ხორცი", "meat", "kg", 24.0, "MEA"),
            new Base("ქათმის ფილე", "meat", "kg", 13.9, "MEA"), new Base("ქათმის ბარკალი", "meat", "kg", 9.5, "MEA"),
            new Base("ცხვრის ხორცი", "meat", "kg", 28.0, "MEA"), new Base("ხბოს ხორცი", "meat", "kg", 27.0, "MEA"),
            new Base("კალმახი", "frozen", "kg", 22.0, "FRZ"), new Base("გაყინული ხინკალი", "frozen", "box", 35.0, "FRZ"),
            new Base("გაყინული ბოსტნეული", "frozen", "kg", 7.0, "FRZ"),
            new Base("ნიგოზი", "dry_goods", "kg", 22.0, "DRG"), new Base("ხმელი სუნელი", "dry_goods", "kg", 28.0, "DRG"),
            new Base("სვანური მარილი", "dry_goods", "box", 36.0, "DRG"), new Base("ტყემალი", "dry_goods", "box", 48.0, "DRG"),
            new Base("ხორბლის ფქვილი", "dry_goods", "kg", 1.9, "DRG"), new Base("ღომის ფქვილი", "dry_goods", "kg", 3.5, "DRG"),
            new Base("ლობიო", "dry_goods", "kg", 6.5, "DRG"), new Base("ბრინჯი", "dry_goods", "kg", 4.2, "DRG"),
            new Base("მზესუმზირის ზეთი", "dry_goods", "litre", 6.8, "DRG"), new Base("აჯიკა", "dry_goods", "box", 40.0, "DRG"),
            new Base("უცხო სუნელი", "dry_goods", "kg", 30.0, "DRG"),
            new Base("შოთის პური", "bakery", "piece", 1.2, "BAK"), new Base("მჭადი", "bakery", "piece", 1.0, "BAK"),
            new Base("ლავაში", "bakery", "piece", 0.9, "BAK"), new Base("ნაზუქი", "bakery", "piece", 2.5, "BAK"),
            new Base("ბორჯომი", "beverages", "box", 21.6, "BEV"), new Base("ნაბეღლავი", "beverages", "box", 19.2, "BEV"),
            new Base("ლაღიძის ლიმონათი", "beverages", "box", 30.0, "BEV"), new Base("საფერავი", "beverages", "box", 96.0, "BEV"),
            new Base("რქაწითელი", "beverages", "box", 84.0, "BEV"), new Base("ჭაჭა", "beverages", "box", 120.0, "BEV"));

    private static final List<String> ORIGINS = List.of("კახური", "იმერული", "მეგრული", "რაჭული", "გურული", "სვანური",
            "ქართლის", "აჭარული", "მესხური", "თუშური");

    private static final List<String> GRADES = List.of("", "პრემიუმ", "ბიო", "ეკონომ", "რესტორნის", "საოჯახო", "პირველი ხარისხის");

    private ProductCatalog() {
    }

    /** {@code count} products with ids from {@code firstId}; about 3% inactive (discontinued, never ordered). */
    static List<Rows.Product> generate(SplittableRandom random, int count, long firstId, Instant createdAt) {
        List<Rows.Product> products = new ArrayList<>(count);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < count; i++) {
            Base base = BASES.get(i % BASES.size());
            String name = i < BASES.size() ? base.name() : variantName(random, base, names);
            names.add(name);
            double factor = 0.8 + random.nextDouble() * 0.6;
            BigDecimal price = BigDecimal.valueOf(base.price() * factor).setScale(2, RoundingMode.HALF_UP);
            long id = firstId + i;
            String description = random.nextInt(4) == 0 ? null : base.name() + ", " + unitLabel(base.unit());
            products.add(new Rows.Product(id, "GEN-%s-%07d".formatted(base.code(), id), name, description, base.category(),
                    base.unit(), price, random.nextInt(100) >= 3, createdAt));
        }
        return products;
    }

    private static String variantName(SplittableRandom random, Base base, Set<String> taken) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String grade = GeorgianText.pick(random, GRADES);
            String name = (GeorgianText.pick(random, ORIGINS) + " " + base.name() + (grade.isEmpty() ? "" : ", " + grade)).strip();
            if (!taken.contains(name)) {
                return name;
            }
        }
        return base.name() + " №" + (taken.size() + 1);
    }

    private static String unitLabel(String unit) {
        return switch (unit) {
            case "kg" -> "ფასი კილოგრამზე";
            case "litre" -> "ფასი ლიტრზე";
            case "box" -> "ფასი ყუთზე";
            default -> "ფასი ცალზე";
        };
    }
}
