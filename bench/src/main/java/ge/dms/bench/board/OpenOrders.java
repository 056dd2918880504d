package ge.dms.bench.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ge.dms.bench.commands.ApiClient;
import ge.dms.bench.platform.BenchIndexes;
import ge.dms.bench.platform.Db;
import ge.dms.devstack.tokens.DevTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The board scenario's restaurant: the one with the most open orders on the write side, topped up
 * through the command API (as that restaurant places them, and an admin confirms every third and
 * assigns a driver to every sixth) until it has the open orders asked for.
 */
final class OpenOrders {

    private static final Logger LOG = LoggerFactory.getLogger(OpenOrders.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONCURRENCY = 16;

    private OpenOrders() {
    }

    /** The restaurant with the most open orders (or {@code given}), and how many it has. */
    static long[] busiest(Db write, Long given) throws SQLException {
        String sql = "SELECT r.id, count(o.id) FROM restaurants r LEFT JOIN orders o ON o.restaurant_id = r.id AND o.status IN ("
                + BenchIndexes.OPEN_STATUSES + ")" + (given == null ? "" : " WHERE r.id = " + given)
                + " GROUP BY r.id ORDER BY 2 DESC, 1 LIMIT 1";
        try (Connection c = write.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalArgumentException(given == null ? "the write side has no restaurants: run ./dev up (demo data) or ./dev bench generate"
                        : "no restaurant " + given);
            }
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /** Places {@code count} orders for {@code restaurant}; returns how many the API accepted. */
    static int place(ApiClient api, Db write, String secret, long restaurant, int count) throws Exception {
        List<long[]> products = products(write); // {id, 1 when weighed}
        long driver = firstDriver(write);
        String restaurantToken = DevTokens.mint(secret, "restaurant", restaurant);
        String admin = DevTokens.mint(secret, "admin", null);
        AtomicInteger placed = new AtomicInteger();
        Semaphore slots = new Semaphore(CONCURRENCY);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int n = i;
                slots.acquire();
                threads.execute(() -> {
                    try {
                        placeOne(api, restaurantToken, admin, products, driver, n);
                        placed.incrementAndGet();
                    } catch (Exception e) {
                        LOG.warn("placing a board order failed: {}", e.toString());
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        LOG.info("placed {} open orders for restaurant {} through the command API", placed.get(), restaurant);
        return placed.get();
    }

    private static void placeOne(ApiClient api, String restaurantToken, String admin, List<long[]> products, long driver, int n)
            throws Exception {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (int line = 0; line < 3; line++) {
            long[] p = products.get((n * 3 + line) % products.size());
            items.addObject().put("productId", p[0]).put("quantity", p[1] == 1 ? new BigDecimal("2.5") : BigDecimal.valueOf(1 + line));
        }
        body.put("deliveryAddress", "რუსთაველის გამზ. 12, თბილისი")
                .put("requestedDeliveryAt", OffsetDateTime.now(ZoneOffset.ofHours(4)).plusHours(8).withNano(0).toString())
                .put("notes", "ბენჩმარკი: დაფა");
        ApiClient.Reply reply = api.post("/api/orders", restaurantToken, JSON.writeValueAsString(body), null);
        if (reply.status() != 201) {
            throw new IllegalStateException("POST /api/orders answered " + reply.status() + " " + reply.body());
        }
        if (n % 3 != 0) {
            return;
        }
        String path = "/api/orders/" + JSON.readTree(reply.body()).get("id").asLong() + "/";
        ApiClient.Reply confirmed = api.post(path + "confirm", admin, null, "\"" + reply.version() + "\"");
        if (confirmed.ok() && n % 6 == 0) {
            api.post(path + "assign-driver", admin, "{\"driverId\":" + driver + "}", "\"" + confirmed.version() + "\"");
        }
    }

    private static List<long[]> products(Db write) throws SQLException {
        List<long[]> products = new ArrayList<>();
        try (Connection c = write.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, unit IN ('kg', 'litre') FROM products WHERE active ORDER BY id LIMIT 30"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                products.add(new long[] {rs.getLong(1), rs.getBoolean(2) ? 1 : 0});
            }
        }
        if (products.isEmpty()) {
            throw new IllegalArgumentException("the write side has no active products to order");
        }
        return products;
    }

    private static long firstDriver(Db write) throws SQLException {
        try (Connection c = write.connect(); PreparedStatement ps = c.prepareStatement("SELECT id FROM drivers WHERE active ORDER BY id LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalArgumentException("the write side has no active drivers");
            }
            return rs.getLong(1);
        }
    }
}
