package ge.dms.bench.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ge.dms.devstack.tokens.DevTokens;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the scenario orders from and who acts: restaurants, drivers and products created through
 * the command API itself before measuring (so the scenario needs nothing but the API), with a
 * token for each. Names carry a run id, so runs on the same database never collide.
 */
public final class Fixture {

    public record Product(long id, String unit) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[][] PRODUCTS = {{"პომიდორი", "produce", "kg", "4.80"}, {"სულგუნი", "dairy", "kg", "18.90"},
            {"შოთის პური", "bakery", "piece", "1.20"}, {"ბორჯომი", "beverages", "box", "21.60"}, {"მაწონი", "dairy", "litre", "4.20"},
            {"ქათმის ფილე", "meat", "kg", "13.90"}, {"ნიგოზი", "dry_goods", "kg", "22.00"}, {"ტყემალი", "dry_goods", "box", "48.00"}};

    public final String adminToken;
    public final List<Long> restaurants = new ArrayList<>();
    public final List<String> restaurantTokens = new ArrayList<>();
    public final List<Long> drivers = new ArrayList<>();
    public final List<String> driverTokens = new ArrayList<>();
    /** Each driver's name, phone and vehicle as created: a rename (PUT) sends them back with only the name changed. */
    public final List<String> driverNames = new ArrayList<>();
    public final List<String> driverPhones = new ArrayList<>();
    public final List<String> driverVehicles = new ArrayList<>();
    public final List<Product> products = new ArrayList<>();

    private Fixture(String secret) {
        this.adminToken = DevTokens.mint(secret, "admin", null);
    }

    public static Fixture create(ApiClient api, String secret, int restaurants, int drivers, int products) throws IOException, InterruptedException {
        Fixture f = new Fixture(secret);
        String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        for (int i = 0; i < restaurants; i++) {
            ObjectNode body = JSON.createObjectNode().put("name", "ბენჩის რესტორანი " + run + "-" + i).put("address", "რუსთაველის გამზ. " + (i + 1))
                    .put("city", "თბილისი").put("region", "ვაკე").put("phone", "+995 555 00 00 " + String.format("%02d", i % 100));
            long id = create(api, "/api/restaurants", f.adminToken, body);
            f.restaurants.add(id);
            f.restaurantTokens.add(DevTokens.mint(secret, "restaurant", id));
        }
        for (int i = 0; i < drivers; i++) {
            String name = "მძღოლი " + run + "-" + i;
            String phone = "+995 591 00 00 " + String.format("%02d", i % 100);
            String vehicle = "Ford Transit";
            ObjectNode body = JSON.createObjectNode().put("name", name).put("phone", phone).put("vehicle", vehicle);
            long id = create(api, "/api/drivers", f.adminToken, body);
            f.drivers.add(id);
            f.driverTokens.add(DevTokens.mint(secret, "driver", id));
            f.driverNames.add(name);
            f.driverPhones.add(phone);
            f.driverVehicles.add(vehicle);
        }
        for (int i = 0; i < products; i++) {
            String[] p = PRODUCTS[i % PRODUCTS.length];
            ObjectNode body = JSON.createObjectNode().put("sku", "BENCH-" + run + "-" + i).put("name", p[0] + " " + (i + 1))
                    .put("description", "bench").put("category", p[1]).put("unit", p[2]);
            body.put("price", new java.math.BigDecimal(p[3]));
            f.products.add(new Product(create(api, "/api/products", f.adminToken, body), p[2]));
        }
        return f;
    }

    private static long create(ApiClient api, String path, String token, ObjectNode body) throws IOException, InterruptedException {
        ApiClient.Reply reply = api.post(path, token, JSON.writeValueAsString(body), null);
        if (reply.status() != 201) {
            throw new IllegalStateException("setting up the scenario: POST " + path + " answered " + reply.status() + " " + reply.body());
        }
        return JSON.readTree(reply.body()).get("id").asLong();
    }

    public static long idOf(String json) throws IOException {
        return JSON.readTree(json).get("id").asLong();
    }
}
