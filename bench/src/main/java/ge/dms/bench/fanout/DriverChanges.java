package ge.dms.bench.fanout;

import com.fasterxml.jackson.databind.ObjectMapper;
import ge.dms.bench.commands.ApiClient;
import ge.dms.bench.commands.Fixture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * The changes a driver hears of: orders placed and confirmed beforehand ({@link #prepare}), each
 * then taken through the five lifecycle steps that reach its driver's socket: assign-driver,
 * start-preparing, mark-ready, and pick-up and deliver by that driver. Each call of {@link #next}
 * makes one such change to the order that has waited longest, with the version its last answer
 * returned ({@code If-Match}); an order waits only between answers, so no two requests race on one.
 */
final class DriverChanges {

    /** Driver-visible changes one prepared order yields. */
    static final int STEPS_PER_ORDER = 5;

    private record Tracked(long id, int driver, int version) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DriverChanges.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] STEPS = {"assign-driver", "start-preparing", "mark-ready", "pick-up", "deliver"};
    /** Versions: placed 1, confirmed 2, then each step one more; the step is the version minus 2. */
    private static final int CONFIRMED = 2;

    private final ApiClient api;
    private final Fixture fixture;
    private final Ledger ledger;
    private final Queue<Tracked> waiting = new ConcurrentLinkedQueue<>();

    DriverChanges(ApiClient api, Fixture fixture, Ledger ledger) {
        this.api = api;
        this.fixture = fixture;
        this.ledger = ledger;
    }

    /** What preparing left: the newest order prepared, how many are waiting, how many could not be prepared. */
    record Prepared(long lastId, long ready, long failed) {
    }

    /**
     * Places and confirms {@code orders} orders, {@code concurrency} at a time, the i-th for driver
     * i mod D. An order whose placing or confirming fails (a busy machine times out now and then) is
     * left out, not retried: a retried POST could place it twice. More than a tenth failing ends the run.
     */
    Prepared prepare(int orders, int concurrency, LongConsumer progress) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        AtomicLong failed = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong last = new AtomicLong();
        AtomicReference<Exception> lastFailure = new AtomicReference<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < orders && failed.get() <= orders / 10; i++) {
                slots.acquire();
                int driver = i % fixture.drivers.size();
                int restaurant = i % fixture.restaurants.size();
                threads.execute(() -> {
                    try {
                        long id = placeAndConfirm(restaurant);
                        waiting.add(new Tracked(id, driver, CONFIRMED));
                        last.accumulateAndGet(id, Math::max);
                    } catch (IOException | RuntimeException e) {
                        failed.incrementAndGet();
                        lastFailure.set(e);
                        LOG.debug("preparing an order failed", e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        progress.accept(done.incrementAndGet());
                        slots.release();
                    }
                });
            }
        }
        if (failed.get() > orders / 10) {
            throw new IllegalStateException(failed.get() + " of " + orders + " orders could not be prepared; the last failure: "
                    + lastFailure.get(), lastFailure.get());
        }
        return new Prepared(last.get(), waiting.size(), failed.get());
    }

    private long placeAndConfirm(int restaurant) throws IOException, InterruptedException {
        var body = JSON.createObjectNode();
        var items = body.putArray("items");
        for (int i = 0; i < Math.min(3, fixture.products.size()); i++) {
            Fixture.Product p = fixture.products.get((restaurant + i) % fixture.products.size());
            items.addObject().put("productId", p.id()).put("quantity", p.unit().equals("kg") || p.unit().equals("litre")
                    ? new java.math.BigDecimal("2.5") : java.math.BigDecimal.valueOf(2));
        }
        body.put("deliveryAddress", "ჭავჭავაძის გამზ. 37, თბილისი")
                .put("requestedDeliveryAt", OffsetDateTime.now(ZoneOffset.ofHours(4)).plusHours(4).withNano(0).toString());
        ApiClient.Reply placed = api.post("/api/orders", fixture.restaurantTokens.get(restaurant), JSON.writeValueAsString(body), null);
        if (!placed.ok()) {
            throw new IllegalStateException("placing an order answered " + placed.status() + " " + placed.body());
        }
        long id = Fixture.idOf(placed.body());
        ApiClient.Reply confirmed = api.post("/api/orders/" + id + "/confirm", fixture.adminToken, null, "\"" + placed.version() + "\"");
        if (!confirmed.ok() || confirmed.version() != CONFIRMED) {
            throw new IllegalStateException("confirming order " + id + " answered " + confirmed.status() + " " + confirmed.body());
        }
        return id;
    }

    /** Makes one driver-visible change, due at {@code intendedStart} (System.nanoTime); outcomes go to the ledger. */
    void next(long intendedStart, boolean measured) {
        Tracked order = waiting.poll();
        if (order == null) {
            ledger.notMade("no-prepared-order-waiting", measured);
            return;
        }
        long driverId = fixture.drivers.get(order.driver());
        int version = order.version() + 1;
        ledger.expect(STEPS[order.version() - CONFIRMED], order.id(), version, driverId, intendedStart, measured);
        try {
            ApiClient.Reply reply = send(order);
            if (reply.ok() && reply.version() == version) {
                ledger.answered(order.id(), version, System.nanoTime());
                if (version - CONFIRMED < STEPS.length) {
                    waiting.add(new Tracked(order.id(), order.driver(), version));
                }
            } else {
                ledger.failed(order.id(), version, reply.ok() ? "version " + reply.version() : String.valueOf(reply.status()), measured);
                if (reply.status() == 503 || reply.status() == 429) {
                    // Refused before writing (database busy, rate limited): the order is still at its version.
                    waiting.add(order);
                }
            }
        } catch (HttpTimeoutException e) {
            // It may have committed after all: if its message comes, it counts; the order is left out from now on.
            ledger.unanswered(order.id(), version, "timeout", measured);
        } catch (IOException e) {
            ledger.unanswered(order.id(), version, "io: " + e.getClass().getSimpleName(), measured);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ledger.unanswered(order.id(), version, "interrupted", measured);
        }
    }

    /** The client had too many requests outstanding to start this one: a change not made, counted, never delayed. */
    void refused() {
        ledger.notMade("refused-by-client", true);
    }

    private ApiClient.Reply send(Tracked o) throws IOException, InterruptedException {
        String step = STEPS[o.version() - CONFIRMED];
        String path = "/api/orders/" + o.id() + "/" + step;
        String ifMatch = "\"" + o.version() + "\"";
        return switch (step) {
            case "assign-driver" -> api.post(path, fixture.adminToken, "{\"driverId\":" + fixture.drivers.get(o.driver()) + "}", ifMatch);
            case "pick-up", "deliver" -> api.post(path, fixture.driverTokens.get(o.driver()), null, ifMatch);
            default -> api.post(path, fixture.adminToken, null, ifMatch);
        };
    }
}
