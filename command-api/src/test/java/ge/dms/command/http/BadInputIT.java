package ge.dms.command.http;

import ge.dms.command.support.ProblemCheck;
import ge.dms.command.support.TestApi;
import ge.dms.command.support.TestApi.Reply;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static ge.dms.command.persistence.jooq.Tables.DRIVERS;
import static ge.dms.command.persistence.jooq.Tables.ORDERS;
import static ge.dms.command.persistence.jooq.Tables.PRODUCTS;
import static ge.dms.command.persistence.jooq.Tables.RESTAURANTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Malformed and hostile requests: each must get a 4xx problem document and leave the database
 * exactly as it was (every write table compared before and after the whole suite and each case).
 */
@WithDevStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    private TestApi t;
    private long restaurant;
    private long product;
    private long boxProduct;
    private long inactiveProduct;
    private long driver;
    private long pendingOrder;
    private long cancelledOrder;

    /** One hostile request and the status it must get. */
    record Case(String name, int expected, String method, String path, String token, String contentType, byte[] body, String... headers) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void start(TestNamespace ns) {
        t = TestApi.start(ns);
        restaurant = t.restaurant("ქეთოს სამზარეულო");
        product = t.product("TOMATO-1", "პომიდორი", "kg", "4.80");
        boxProduct = t.product("BORJOMI-12", "ბორჯომი", "box", "21.60");
        inactiveProduct = t.product("OLD-1", "ძველი", "kg", "1.00");
        t.sql().update(PRODUCTS).set(PRODUCTS.ACTIVE, false).where(PRODUCTS.ID.eq(inactiveProduct)).execute();
        driver = t.driverRow("ნიკა");
        pendingOrder = ((Number) t.placeOrder(restaurant, product).get("id")).longValue();
        cancelledOrder = ((Number) t.placeOrder(restaurant, product).get("id")).longValue();
        assertThat(t.act(cancelledOrder, "cancel", TestApi.admin(), 1, "{\"reason\":\"x\"}").status()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        t.close();
    }

    @Test
    void shouldAnswerEveryBadRequestWithA4xxProblemAndChangeNothing() {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(50);
        String before = snapshot();
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Reply reply = t.send(c.method(), c.path(), c.token(), c.contentType(), c.body(), c.headers());
            String problem = checkProblem(reply, c.expected());
            if (problem != null) {
                failures.add(c.name() + ": " + problem + " -> " + reply.status() + " " + abbreviate(reply.body()));
            }
            if (!snapshot().equals(before)) {
                failures.add(c.name() + ": changed the database");
                before = snapshot();
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void shouldRefuseAnOversizedChunkedBodyToo() {
        String before = snapshot();
        Reply reply = t.sendChunked("/api/orders", TestApi.restaurant(restaurant), fiveMegabytes());
        assertThat(checkProblem(reply, 413)).as(reply.toString()).isNull();
        assertThat(snapshot()).isEqualTo(before);
    }

    private static String checkProblem(Reply reply, int expected) {
        return ProblemCheck.problemFault(reply, expected);
    }

    /** Everything a bad request could have changed. */
    private String snapshot() {
        return t.sql().fetchOne("""
                select (select count(*) from orders) || '/' || (select coalesce(sum(version), 0) from orders) || '/'
                    || (select count(*) from order_items) || '/' || (select count(*) from order_status_changes) || '/'
                    || (select count(*) from idempotency_keys) || '/' || (select count(*) from restaurants) || '/'
                    || (select count(*) from drivers) || '/' || (select count(*) from products) || '/'
                    || (select string_agg(id || price::text || active || name || sku, ',' order by id) from products) || '/'
                    || (select string_agg(id || name || active, ',' order by id) from restaurants) || '/'
                    || (select string_agg(id || name || active, ',' order by id) from drivers)""").get(0, String.class);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String order(String items) {
        return "{\"items\":" + items + ",\"deliveryAddress\":\"თბილისი\",\"requestedDeliveryAt\":\"2099-01-01T10:00:00Z\"}";
    }

    private String order(String items, String address, String when, String notes) {
        return "{\"items\":" + items + ",\"deliveryAddress\":" + address + ",\"requestedDeliveryAt\":" + when
                + (notes == null ? "" : ",\"notes\":" + notes) + "}";
    }

    private Case place(String name, int expected, String json) {
        return new Case(name, expected, "POST", "/api/orders", TestApi.restaurant(restaurant), "application/json", utf8(json));
    }

    private Case act(String name, int expected, long orderId, String action, String token, String ifMatch, String json) {
        List<String> headers = new ArrayList<>();
        if (ifMatch != null) {
            headers.add("If-Match");
            headers.add(ifMatch);
        }
        return new Case(name, expected, "POST", "/api/orders/" + orderId + "/" + action, token,
                json == null ? null : "application/json", json == null ? null : utf8(json), headers.toArray(String[]::new));
    }

    private Case admin(String name, int expected, String method, String path, String json) {
        return new Case(name, expected, method, path, TestApi.admin(), "application/json", json == null ? null : utf8(json));
    }

    private List<Case> cases() {
        String item = "[{\"productId\":" + product + ",\"quantity\":1}]";
        String admin = TestApi.admin();
        List<Case> c = new ArrayList<>();
        // Unreadable bodies
        c.add(place("malformed JSON", 400, "{\"items\": [}"));
        c.add(place("truncated JSON", 400, "{\"items\":[{\"productId\":1"));
        c.add(place("empty body", 400, ""));
        c.add(place("JSON null", 400, "null"));
        c.add(place("JSON array instead of object", 400, "[]"));
        c.add(place("JSON string instead of object", 400, "\"order\""));
        c.add(new Case("invalid UTF-8", 400, "POST", "/api/orders", TestApi.restaurant(restaurant), "application/json",
                concat(utf8("{\"items\":" + item + ",\"deliveryAddress\":\""), new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
                        utf8("\",\"requestedDeliveryAt\":\"2099-01-01T10:00:00Z\"}"))));
        c.add(place("deeply nested JSON", 400, "{\"items\":" + "[".repeat(5000) + "]".repeat(5000) + "}"));
        c.add(place("10,000-digit number", 400, order("[{\"productId\":" + product + ",\"quantity\":" + "9".repeat(10_000) + "}]")));
        // Wrong types
        c.add(place("items is a string", 400, order("\"lots\"")));
        c.add(place("items is an object", 400, order("{\"productId\":" + product + ",\"quantity\":1}")));
        c.add(place("quantity is text", 400, order("[{\"productId\":" + product + ",\"quantity\":\"abc\"}]")));
        c.add(place("quantity is boolean", 400, order("[{\"productId\":" + product + ",\"quantity\":true}]")));
        c.add(place("productId is text", 400, order("[{\"productId\":\"tomato\",\"quantity\":1}]")));
        c.add(place("productId SQL", 400, order("[{\"productId\":\"1 OR 1=1\",\"quantity\":1}]")));
        c.add(place("productId is boolean", 400, order("[{\"productId\":true,\"quantity\":1}]")));
        c.add(place("productId is fractional", 400, order("[{\"productId\":" + product + ".5,\"quantity\":1}]")));
        c.add(place("quantity is a numeric string", 400, order("[{\"productId\":" + product + ",\"quantity\":\"2\"}]")));
        c.add(place("productId overflows long", 400, order("[{\"productId\":99999999999999999999999,\"quantity\":1}]")));
        c.add(place("requestedDeliveryAt not a time", 400, order(item, "\"x\"", "\"tomorrow\"", null)));
        c.add(place("requestedDeliveryAt is a number", 400, order(item, "\"x\"", "12", null)));
        // Missing and out-of-range fields
        c.add(place("empty object", 400, "{}"));
        c.add(place("items missing", 400, "{\"deliveryAddress\":\"x\",\"requestedDeliveryAt\":\"2099-01-01T10:00:00Z\"}"));
        c.add(place("items empty", 400, order("[]")));
        c.add(place("item null", 400, order("[null]")));
        c.add(place("quantity missing", 400, order("[{\"productId\":" + product + "}]")));
        c.add(place("quantity negative", 400, order("[{\"productId\":" + product + ",\"quantity\":-1}]")));
        c.add(place("quantity zero", 400, order("[{\"productId\":" + product + ",\"quantity\":0}]")));
        c.add(place("quantity huge", 400, order("[{\"productId\":" + product + ",\"quantity\":1e30}]")));
        c.add(place("quantity too precise", 400, order("[{\"productId\":" + product + ",\"quantity\":1.23456}]")));
        c.add(place("productId negative", 400, order("[{\"productId\":-5,\"quantity\":1}]")));
        c.add(place("10,000 items", 400, order(tenThousandItems())));
        c.add(place("address blank", 400, order(item, "\"   \"", "\"2099-01-01T10:00:00Z\"", null)));
        c.add(place("address too long", 400, order(item, "\"" + "ა".repeat(600) + "\"", "\"2099-01-01T10:00:00Z\"", null)));
        c.add(place("notes too long", 400, order(item, "\"x\"", "\"2099-01-01T10:00:00Z\"", "\"" + "n".repeat(2001) + "\"")));
        c.add(place("NUL in notes", 400, order(item, "\"x\"", "\"2099-01-01T10:00:00Z\"", "\"a\\u0000b\"")));
        c.add(place("delivery in the past", 400, order(item, "\"x\"", "\"2001-01-01T10:00:00Z\"", null)));
        // Well formed, but not something the catalog can fill
        c.add(place("unknown product", 422, order("[{\"productId\":987654321,\"quantity\":1}]")));
        c.add(place("inactive product", 422, order("[{\"productId\":" + inactiveProduct + ",\"quantity\":1}]")));
        c.add(place("same product twice", 422, order("[{\"productId\":" + product + ",\"quantity\":1},{\"productId\":" + product + ",\"quantity\":2}]")));
        c.add(place("half a box", 422, order("[{\"productId\":" + boxProduct + ",\"quantity\":0.5}]")));
        // Size and media type
        c.add(new Case("5 MB body", 413, "POST", "/api/orders", TestApi.restaurant(restaurant), "application/json", fiveMegabytes()));
        c.add(new Case("text/plain body", 415, "POST", "/api/orders", TestApi.restaurant(restaurant), "text/plain", utf8(order(item))));
        c.add(new Case("XML body", 415, "POST", "/api/orders", TestApi.restaurant(restaurant), "application/xml", utf8("<order/>")));
        c.add(new Case("form body", 415, "POST", "/api/orders", TestApi.restaurant(restaurant), "application/x-www-form-urlencoded", utf8("items=1")));
        // Idempotency-Key abuse
        c.add(new Case("idempotency key too long", 400, "POST", "/api/orders", TestApi.restaurant(restaurant), "application/json",
                utf8(order(item)), "Idempotency-Key", "k".repeat(300)));
        c.add(new Case("idempotency key with SQL and spaces", 400, "POST", "/api/orders", TestApi.restaurant(restaurant), "application/json",
                utf8(order(item)), "Idempotency-Key", "'; DROP TABLE orders; --"));
        // Transitions
        c.add(act("unknown order", 404, 987654321, "confirm", admin, "\"1\"", null));
        c.add(new Case("order id not a number", 400, "POST", "/api/orders/abc/confirm", admin, null, null, "If-Match", "1"));
        c.add(new Case("order id overflows", 400, "POST", "/api/orders/99999999999999999999999/confirm", admin, null, null, "If-Match", "1"));
        c.add(new Case("order id with SQL", 400, "POST", "/api/orders/1%3BDROP%20TABLE%20orders/confirm", admin, null, null, "If-Match", "1"));
        c.add(act("If-Match missing", 428, pendingOrder, "confirm", admin, null, null));
        c.add(act("If-Match garbage", 400, pendingOrder, "confirm", admin, "banana", null));
        c.add(act("If-Match zero", 400, pendingOrder, "confirm", admin, "\"0\"", null));
        c.add(act("If-Match stale", 409, pendingOrder, "confirm", admin, "\"7\"", null));
        c.add(act("deliver a pending order", 403, pendingOrder, "deliver", admin, "\"1\"", null));
        c.add(act("confirm a cancelled order", 409, cancelledOrder, "confirm", admin, "\"2\"", null));
        c.add(act("assign unknown driver", 409, pendingOrder, "assign-driver", admin, "\"1\"", "{\"driverId\":987654}"));
        c.add(act("assign driver id as text", 400, pendingOrder, "assign-driver", admin, "\"1\"", "{\"driverId\":\"ნიკა\"}"));
        c.add(act("assign driver without body", 400, pendingOrder, "assign-driver", admin, "\"1\"", null));
        c.add(act("cancel without reason", 400, pendingOrder, "cancel", admin, "\"1\"", "{}"));
        c.add(act("cancel reason too long", 400, pendingOrder, "cancel", admin, "\"1\"", "{\"reason\":\"" + "r".repeat(501) + "\"}"));
        // Catalog and parties
        c.add(admin("product SKU with SQL", 400, "POST", "/api/products",
                "{\"sku\":\"X'; DROP TABLE products;--\",\"name\":\"x\",\"category\":\"meat\",\"unit\":\"kg\",\"price\":1}"));
        c.add(admin("product negative price", 400, "POST", "/api/products", "{\"sku\":\"N-1\",\"name\":\"x\",\"category\":\"meat\",\"unit\":\"kg\",\"price\":-1}"));
        c.add(admin("product price text", 400, "POST", "/api/products", "{\"sku\":\"N-1\",\"name\":\"x\",\"category\":\"meat\",\"unit\":\"kg\",\"price\":\"free\"}"));
        c.add(admin("product price boolean", 400, "POST", "/api/products", "{\"sku\":\"N-1\",\"name\":\"x\",\"category\":\"meat\",\"unit\":\"kg\",\"price\":true}"));
        c.add(admin("product unknown unit", 400, "POST", "/api/products", "{\"sku\":\"N-1\",\"name\":\"x\",\"category\":\"meat\",\"unit\":\"gallon\",\"price\":1}"));
        c.add(admin("product duplicate SKU", 422, "POST", "/api/products", "{\"sku\":\"TOMATO-1\",\"name\":\"x\",\"category\":\"produce\",\"unit\":\"kg\",\"price\":1}"));
        c.add(admin("update unknown product", 404, "PUT", "/api/products/987654", "{\"sku\":\"N-1\",\"name\":\"x\",\"category\":\"meat\",\"unit\":\"kg\",\"price\":1}"));
        c.add(admin("restaurant without name", 400, "POST", "/api/restaurants", "{\"address\":\"x\",\"city\":\"თბილისი\",\"phone\":\"+995 555 000 000\"}"));
        c.add(admin("driver phone not a phone", 400, "POST", "/api/drivers", "{\"name\":\"x\",\"phone\":\"call me\"}"));
        c.add(admin("deactivate unknown driver", 404, "POST", "/api/drivers/987654/deactivate", null));
        // Who is calling
        c.add(new Case("no token", 401, "POST", "/api/orders", null, "application/json", utf8(order(item))));
        c.add(new Case("Basic auth", 401, "POST", "/api/orders", null, "application/json", utf8(order(item)), "Authorization", "Basic YWRtaW46YWRtaW4="));
        c.add(new Case("alg none token", 401, "POST", "/api/orders", "eyJhbGciOiJub25lIn0.eyJyb2xlcyI6WyJhZG1pbiJdfQ.", "application/json", utf8(order(item))));
        c.add(new Case("restaurant on admin endpoint", 403, "POST", "/api/drivers", TestApi.restaurant(restaurant), "application/json",
                utf8("{\"name\":\"x\",\"phone\":\"+995 555 000 000\"}")));
        c.add(new Case("GET on a command endpoint", 405, "GET", "/api/orders", admin, null, null));
        c.add(new Case("unknown path", 404, "POST", "/api/nothing-here", admin, "application/json", utf8("{}")));
        return c;
    }

    private String tenThousandItems() {
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < 10_000; i++) {
            items.append(i == 0 ? "" : ",").append("{\"productId\":").append(product).append(",\"quantity\":1}");
        }
        return items.append(']').toString();
    }

    private byte[] fiveMegabytes() {
        StringBuilder notes = new StringBuilder(5_000_100);
        notes.append("{\"items\":[{\"productId\":").append(product).append(",\"quantity\":1}],\"deliveryAddress\":\"x\",")
                .append("\"requestedDeliveryAt\":\"2099-01-01T10:00:00Z\",\"notes\":\"").append("x".repeat(5_000_000)).append("\"}");
        return utf8(notes.toString());
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
