package ge.dms.bench.data;

import java.util.List;
import java.util.SplittableRandom;

/** Word pools for Georgian names, addresses, notes and reasons, and the small helpers that combine them. */
final class GeorgianText {

    record Place(String city, String region, double weight) {
    }

    static final List<Place> PLACES = List.of(
            new Place("თბილისი", "ვაკე", 9), new Place("თბილისი", "საბურთალო", 9), new Place("თბილისი", "ძველი თბილისი", 8),
            new Place("თბილისი", "დიდუბე", 5), new Place("თბილისი", "ისანი", 4), new Place("თბილისი", "გლდანი", 3),
            new Place("ბათუმი", "აჭარა", 6), new Place("ქუთაისი", "იმერეთი", 4), new Place("რუსთავი", "ქვემო ქართლი", 2),
            new Place("გორი", "შიდა ქართლი", 1.5), new Place("ზუგდიდი", "სამეგრელო", 1.5), new Place("თელავი", "კახეთი", 1.5),
            new Place("მცხეთა", "მცხეთა-მთიანეთი", 1));

    static final List<String> STREETS = List.of("რუსთაველის გამზ.", "ჭავჭავაძის გამზ.", "აღმაშენებლის გამზ.", "პეკინის ქ.",
            "ვაჟა-ფშაველას გამზ.", "ლესელიძის ქ.", "ნინოშვილის ქ.", "გორგასლის ქ.", "წერეთლის გამზ.", "ბარათაშვილის ქ.",
            "კოსტავას ქ.", "ყაზბეგის გამზ.", "თამარ მეფის ქ.", "გამსახურდიას ქ.", "აბაშიძის ქ.", "ფალიაშვილის ქ.");

    static final List<String> RESTAURANT_FIRST = List.of("ქეთოს", "ნინოს", "გიორგის", "თამარის", "დათოს", "ლელას", "მაკოს",
            "ზურას", "ბაბუას", "ბებოს", "ძველი", "ახალი", "მთის", "ზღვისპირა", "იმერული", "მეგრული", "კახური", "რაჭული",
            "სვანური", "აჭარული", "თბილისური", "ქალაქის", "ეზოს", "ვენახის");

    static final List<String> RESTAURANT_SECOND = List.of("სამზარეულო", "სახლი", "ეზო", "მარანი", "სუფრა", "ხინკალი",
            "ხაჭაპური", "საცხობი", "ტავერნა", "დუქანი", "ბისტრო", "კაფე", "რესტორანი", "ღვინის ბარი", "საქაბაბე");

    static final List<String> FIRST_NAMES = List.of("გიორგი", "ნიკა", "დავით", "ლევან", "ზურაბ", "ირაკლი", "ლაშა", "ბექა",
            "თორნიკე", "გიგა", "ვახტანგ", "მამუკა", "ალექსანდრე", "ოთარ", "შოთა", "ნოდარ", "თემურ", "ბაჩო", "საბა", "ლუკა");

    static final List<String> LAST_NAMES = List.of("ბერიძე", "კაპანაძე", "მამულაშვილი", "გელაშვილი", "ლომიძე", "ჯავახიშვილი",
            "წერეთელი", "ხარაძე", "მაისურაძე", "ნოზაძე", "ქავთარაძე", "ცერცვაძე", "გოგოლაძე", "ჩხეიძე", "აბაშიძე", "დოლიძე",
            "კვარაცხელია", "ჟორდანია", "ბოლქვაძე", "სულაბერიძე");

    static final List<String> VEHICLES = List.of("Ford Transit", "Mercedes Sprinter", "Isuzu NPR (refrigerated)", "Hyundai Porter",
            "Fiat Ducato", "Renault Master", "Toyota Hiace");

    static final List<String> NOTES = List.of("უკანა კარიდან", "დილით 9-მდე", "დარეკეთ მისვლამდე", "ცივი ჯაჭვი აუცილებელია",
            "მიიტანეთ სამზარეულოში", "მენეჯერთან შეთანხმებით", "ტვირთის შესასვლელიდან", "ზედნადები ორ ეგზემპლარად");

    static final List<String> RESTAURANT_CANCEL_REASONS = List.of("შეკვეთა შეცდომით გაკეთდა", "მენიუ შეიცვალა",
            "დუბლიკატი შეკვეთა", "აღარ გვჭირდება");

    static final List<String> ADMIN_CANCEL_REASONS = List.of("პროდუქტი ამოიწურა", "რესტორანმა დარეკა და გააუქმა",
            "მიწოდება დროზე ვერ მოხერხდება", "გადახდის პრობლემა");

    private GeorgianText() {
    }

    static <T> T pick(SplittableRandom random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    static Place place(SplittableRandom random) {
        double total = PLACES.stream().mapToDouble(Place::weight).sum();
        double x = random.nextDouble() * total;
        for (Place p : PLACES) {
            x -= p.weight();
            if (x < 0) {
                return p;
            }
        }
        return PLACES.getLast();
    }

    static String address(SplittableRandom random) {
        return pick(random, STREETS) + " " + (1 + random.nextInt(180));
    }

    static String phone(SplittableRandom random) {
        return "+995 5%02d %02d %02d %02d".formatted(random.nextInt(100), random.nextInt(100), random.nextInt(100), random.nextInt(100));
    }

    static String plate(SplittableRandom random) {
        return "%c%c-%03d-%c%c".formatted(letter(random), letter(random), random.nextInt(1000), letter(random), letter(random));
    }

    private static char letter(SplittableRandom random) {
        return (char) ('A' + random.nextInt(26));
    }
}
