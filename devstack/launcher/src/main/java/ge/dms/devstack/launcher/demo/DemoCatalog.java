package ge.dms.devstack.launcher.demo;

import java.util.List;

/** The demo data set itself: a Georgian distributor's customers, drivers and catalog. */
final class DemoCatalog {

    record Restaurant(String name, String address, String city, String region, String phone) {
    }

    record Driver(String name, String phone, String vehicle) {
    }

    record Product(String sku, String name, String description, String category, String unit, String price) {
    }

    static final List<Restaurant> RESTAURANTS = List.of(
            new Restaurant("ქეთოს სამზარეულო", "ჭავჭავაძის გამზ. 37", "თბილისი", "ვაკე", "+995 555 10 20 30"),
            new Restaurant("ძველი ქალაქი", "ლესელიძის ქ. 14", "თბილისი", "ძველი თბილისი", "+995 555 11 22 33"),
            new Restaurant("ზღვისპირა ხინკალი", "ნინოშვილის ქ. 5", "ბათუმი", "აჭარა", "+995 577 40 50 60"),
            new Restaurant("იმერული ეზო", "რუსთაველის ქ. 22", "ქუთაისი", "იმერეთი", "+995 599 70 80 90"));

    static final List<Driver> DRIVERS = List.of(
            new Driver("გიორგი ბერიძე", "+995 591 11 11 11", "Ford Transit, TR-123-AB"),
            new Driver("ნიკა კაპანაძე", "+995 591 22 22 22", "Mercedes Sprinter, MS-456-CD"),
            new Driver("დავით მამულაშვილი", "+995 591 33 33 33", "Isuzu NPR (refrigerated), IS-789-EF"));

    static final List<Product> PRODUCTS = List.of(
            new Product("DRY-IMR-001", "იმერული ყველი", "ახალი იმერული ყველი ხაჭაპურისთვის", "dairy", "kg", "16.50"),
            new Product("DRY-SUL-002", "სულგუნი", "სამეგრელოს სულგუნი", "dairy", "kg", "18.90"),
            new Product("DRY-MAT-003", "მაწონი", "ნატურალური მაწონი", "dairy", "litre", "4.20"),
            new Product("DRY-NAD-004", "ნადუღი", null, "dairy", "kg", "14.00"),
            new Product("PRD-KAR-001", "კარტოფილი", "წალკის კარტოფილი", "produce", "kg", "1.35"),
            new Product("PRD-POM-002", "პომიდორი", "მარნეულის პომიდორი", "produce", "kg", "4.80"),
            new Product("PRD-KIT-003", "კიტრი", null, "produce", "kg", "3.60"),
            new Product("PRD-BAD-004", "ბადრიჯანი", "ბადრიჯანი ნიგვზიანისთვის", "produce", "kg", "3.20"),
            new Product("PRD-QIN-005", "ქინძი", "ერთი კონა", "produce", "piece", "0.80"),
            new Product("MEA-GHO-001", "ღორის კისერი", "მწვადისთვის", "meat", "kg", "19.50"),
            new Product("MEA-SAQ-002", "საქონლის ხორცი", "ხინკლისთვის, დაკეპილი", "meat", "kg", "24.00"),
            new Product("MEA-QAT-003", "ქათმის ფილე", null, "meat", "kg", "13.90"),
            new Product("DRG-NIG-001", "ნიგოზი", "გარჩეული ნიგოზი", "dry_goods", "kg", "22.00"),
            new Product("DRG-XME-002", "ხმელი სუნელი", null, "dry_goods", "kg", "28.00"),
            new Product("DRG-SVA-003", "სვანური მარილი", "ყუთში 24 ქილა", "dry_goods", "box", "36.00"),
            new Product("DRG-TKE-004", "ტყემალი", "ყუთში 12 ბოთლი", "dry_goods", "box", "48.00"),
            new Product("DRG-FQV-005", "ხორბლის ფქვილი", "უმაღლესი ხარისხის", "dry_goods", "kg", "1.90"),
            new Product("BAK-SHO-001", "შოთის პური", "თონის პური", "bakery", "piece", "1.20"),
            new Product("BEV-BOR-001", "ბორჯომი", "ყუთში 12 × 0.5 ლ", "beverages", "box", "21.60"),
            new Product("BEV-LAG-002", "ლაღიძის ლიმონათი", "ტარხუნა, ყუთში 20 ბოთლი", "beverages", "box", "30.00"));

    private DemoCatalog() {
    }
}
