package ge.dms.bench.commands;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The workload: each request either moves an order that is waiting for its next step
 * (confirm, start-preparing, assign-driver, mark-ready, pick-up, deliver; 5% of pending orders are
 * cancelled by their restaurant instead) or, when none is waiting, places a new one. Every
 * transition carries the version the previous answer returned ({@code If-Match}), and pick-up and
 * deliver are made by the assigned driver. An order is waiting only between answers, so no two
 * requests ever race on one order.
 */
final class OrderFlow {

    static final String PLACE = "place";
    static final String TRANSITION = "transition";

    private record Tracked(long id, int restaurant, int driver, int version, String status) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient api;
    private final Fixture fixture;
    private final Queue<Tracked> waiting = new ConcurrentLinkedQueue<>();

    OrderFlow(ApiClient api, Fixture fixture) {
        this.api = api;
        this.fixture = fixture;
    }

    /** Makes one request; records its latency from {@code intendedStart} (System.nanoTime) or its error. */
    void next(long intendedStart, Measurements into) {
        Tracked order = waiting.poll();
        String series = order == null ? PLACE : TRANSITION;
        try {
            ApiClient.Reply reply = order == null ? place() : advance(order);
            long latency = System.nanoTime() - intendedStart;
            if (reply.ok()) {
                into.success(series, latency);
                follow(order, reply);
            } else {
                into.error(series, String.valueOf(reply.status()));
            }
        } catch (HttpTimeoutException e) {
            into.error(series, "timeout");
        } catch (IOException e) {
            into.error(series, "io: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            into.error(series, "interrupted");
        }
    }

    private ApiClient.Reply place() throws IOException, InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int restaurant = random.nextInt(fixture.restaurants.size());
        var body = JSON.createObjectNode();
        var items = body.putArray("items");
        int lines = Math.min(fixture.products.size(), 3 + random.nextInt(6));
        int first = random.nextInt(fixture.products.size());
        for (int i = 0; i < lines; i++) {
            Fixture.Product p = fixture.products.get((first + i) % fixture.products.size());
            items.addObject().put("productId", p.id())
                    .put("quantity", p.unit().equals("kg") || p.unit().equals("litre") ? new java.math.BigDecimal("2.5")
                            : java.math.BigDecimal.valueOf(1 + random.nextInt(10)));
        }
        body.put("deliveryAddress", "რუსთაველის გამზ. 12, თბილისი")
                .put("requestedDeliveryAt", OffsetDateTime.now(ZoneOffset.ofHours(4)).plusHours(6).withNano(0).toString())
                .put("notes", "ბენჩმარკი");
        String token = fixture.restaurantTokens.get(restaurant);
        ApiClient.Reply reply = api.post("/api/orders", token, JSON.writeValueAsString(body), null);
        if (reply.ok()) {
            waiting.add(new Tracked(Fixture.idOf(reply.body()), restaurant, random.nextInt(fixture.drivers.size()), reply.version(), "pending"));
        }
        return reply;
    }

    private ApiClient.Reply advance(Tracked o) throws IOException, InterruptedException {
        String ifMatch = "\"" + o.version() + "\"";
        String path = "/api/orders/" + o.id() + "/";
        return switch (o.status()) {
            case "pending" -> ThreadLocalRandom.current().nextInt(100) < 5
                    ? api.post(path + "cancel", fixture.restaurantTokens.get(o.restaurant()), "{\"reason\":\"აღარ გვჭირდება\"}", ifMatch)
                    : api.post(path + "confirm", fixture.adminToken, null, ifMatch);
            case "confirmed" -> api.post(path + "start-preparing", fixture.adminToken, null, ifMatch);
            case "preparing" -> api.post(path + "assign-driver", fixture.adminToken,
                    "{\"driverId\":" + fixture.drivers.get(o.driver()) + "}", ifMatch);
            case "preparing+driver" -> api.post(path + "mark-ready", fixture.adminToken, null, ifMatch);
            case "ready" -> api.post(path + "pick-up", fixture.driverTokens.get(o.driver()), null, ifMatch);
            case "out_for_delivery" -> api.post(path + "deliver", fixture.driverTokens.get(o.driver()), null, ifMatch);
            default -> throw new IllegalStateException("no next step from " + o.status());
        };
    }

    /** Puts the order back in the queue at its next step, unless it is finished. */
    private void follow(Tracked o, ApiClient.Reply reply) throws IOException {
        if (o == null) {
            return;
        }
        String status = JSON.readTree(reply.body()).get("status").asText();
        if (status.equals("preparing") && o.status().equals("preparing")) {
            status = "preparing+driver";
        }
        if (!status.equals("delivered") && !status.equals("cancelled")) {
            waiting.add(new Tracked(o.id(), o.restaurant(), o.driver(), reply.version(), status));
        }
    }
}
