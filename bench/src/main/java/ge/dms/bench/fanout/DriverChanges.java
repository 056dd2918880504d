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
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * The changes a driver hears of: orders placed and confirmed beforehand ({@link #prepare}), each
 * then taken through the lifecycle steps that reach its driver's socket: assign-driver, for a
 * share of them a reassignment to another driver (the old one hears "unassigned", the new one the
 * order), start-preparing, mark-ready, and pick-up and deliver by the driver it ends up with. Each
 * call of {@link #next} makes one such change to the order that has waited longest, with the
 * version its last answer returned ({@code If-Match}); an order waits only between answers, so no
 * two requests race on one. It also keeps, per driver, the orders that are active (their driver
 * final, not yet being delivered), for the renames ({@link Renamer}).
 */
final class DriverChanges {

    static final String REASSIGN_TO = "reassign-to";
    static final String REASSIGN_AWAY = "reassign-away";
    private static final String REASSIGN = "reassign";
    /** The command API's problem type for a change whose commit was cut off by a lost database: it may have been made. */
    private static final String COMMIT_OUTCOME_UNKNOWN = "commit-outcome-unknown";
    private static final String[] STEPS = {"assign-driver", "start-preparing", "mark-ready", "pick-up", Ledger.FINAL_STEP};
    private static final String[] REASSIGNED_STEPS = {"assign-driver", REASSIGN, "start-preparing", "mark-ready", "pick-up",
            Ledger.FINAL_STEP};
    /** Versions: placed 1, confirmed 2, then each step one more; the next step is the version minus 2. */
    private static final int CONFIRMED = 2;

    /** An order between its steps: its current driver (an index into the fixture), version, and whether it gets reassigned. */
    private record Tracked(long id, int driver, int version, boolean reassigned) {

        String[] steps() {
            return reassigned ? REASSIGNED_STEPS : STEPS;
        }

        String nextStep() {
            return steps()[version - CONFIRMED];
        }

        boolean done() {
            return version - CONFIRMED >= steps().length;
        }

        /** Assigned to the driver it keeps: what a rename of that driver must reach. */
        boolean settled() {
            return version - CONFIRMED >= (reassigned ? 2 : 1) && !done();
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DriverChanges.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient api;
    private final Fixture fixture;
    private final Ledger ledger;
    private final double reassignShare;
    /** Confirmed orders not yet assigned. */
    private final Queue<Tracked> fresh = new ConcurrentLinkedQueue<>();
    /** Orders on their way, each waiting until its next step is due, oldest first. */
    private final java.util.ArrayDeque<Due> waiting = new java.util.ArrayDeque<>();
    private final long stepGapNanos;

    private record Due(Tracked order, long dueNanos) {
    }
    /** Driver index → its active orders, id → version. */
    private final Map<Integer, Map<Long, Long>> active = new ConcurrentHashMap<>();
    private final LongAdder reassignments = new LongAdder();

    /** @param reassignShare the share of orders reassigned after assign-driver (none with a single driver) */
    /** @param stepGap how long an order waits after one answer before its next step is due */
    DriverChanges(ApiClient api, Fixture fixture, Ledger ledger, double reassignShare, java.time.Duration stepGap) {
        this.stepGapNanos = stepGap.toNanos();
        this.api = api;
        this.fixture = fixture;
        this.ledger = ledger;
        this.reassignShare = fixture.drivers.size() > 1 ? reassignShare : 0;
    }

    /** Driver-visible changes one prepared order yields on average: five, and a reassignment for the share that gets one. */
    static double changesPerOrder(double reassignShare) {
        return STEPS.length + reassignShare;
    }

    /**
     * Whether the i-th prepared order is reassigned: spread evenly, the first one included, so that any
     * run, however short, reassigns some; of n orders, ceil(n × share) are.
     */
    static boolean reassigned(int i, double share) {
        return Math.ceil((i + 1) * share) > Math.ceil(i * share);
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
                boolean reassign = reassigned(i, reassignShare);
                threads.execute(() -> {
                    try {
                        long id = placeAndConfirm(restaurant);
                        fresh.add(new Tracked(id, driver, CONFIRMED, reassign));
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
        return new Prepared(last.get(), fresh.size(), failed.get());
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

    /**
     * The order to move next: the one in progress whose next step is due (its last answer came at least the
     * step gap ago), else a fresh one, else the oldest in progress. Orders then start at the rate they
     * finish, all through the run, and an order's steps are spaced as a dispatcher's are; taking every fresh
     * order first would put all assignments in the first seconds (the warm-up) and none in the measured window.
     */
    private synchronized Tracked pick() {
        Due head = waiting.peek();
        if (head != null && head.dueNanos() - System.nanoTime() <= 0) {
            return waiting.poll().order();
        }
        Tracked order = fresh.poll();
        if (order != null) {
            return order;
        }
        Due early = waiting.poll();
        return early == null ? null : early.order();
    }

    private synchronized void await(Tracked order, long gapNanos) {
        waiting.add(new Due(order, System.nanoTime() + gapNanos));
    }

    /** Makes one driver-visible change, due at {@code intendedStart} (System.nanoTime); outcomes go to the ledger. */
    void next(long intendedStart, boolean measured) {
        Tracked order = pick();
        if (order == null) {
            ledger.notMade("no-prepared-order-waiting", measured);
            return;
        }
        String step = order.nextStep();
        int version = order.version() + 1;
        int driver = REASSIGN.equals(step) ? (order.driver() + 1) % fixture.drivers.size() : order.driver();
        if (REASSIGN.equals(step)) {
            ledger.expect(REASSIGN_TO, order.id(), version, fixture.drivers.get(driver), intendedStart, measured);
            ledger.expectUnassigned(REASSIGN_AWAY, order.id(), version, fixture.drivers.get(order.driver()), intendedStart, measured);
        } else {
            ledger.expect(step, order.id(), version, fixture.drivers.get(driver), intendedStart, measured);
        }
        if (Ledger.FINAL_STEP.equals(step)) {
            leave(order); // its delivery is on its way: a rename from now on no longer owes it a message
        }
        try {
            ApiClient.Reply reply = send(order, step, driver);
            if (reply.ok() && reply.version() == version) {
                ledger.answered(order.id(), version, System.nanoTime());
                if (REASSIGN.equals(step)) {
                    reassignments.increment();
                }
                Tracked moved = new Tracked(order.id(), driver, version, order.reassigned());
                if (!moved.done()) {
                    list(moved);
                    await(moved, stepGapNanos);
                }
            } else if (reply.status() == 503 && reply.body() != null && reply.body().contains(COMMIT_OUTCOME_UNKNOWN)) {
                // The database went away while committing: it may have been made, so its messages count if they come.
                leave(order);
                ledger.unanswered(order.id(), version, COMMIT_OUTCOME_UNKNOWN, measured);
            } else {
                ledger.failed(order.id(), version, reply.ok() ? "version " + reply.version() : String.valueOf(reply.status()), measured);
                if (reply.status() == 503 || reply.status() == 429) {
                    // Refused before writing (database busy, rate limited): the order is still at its version.
                    list(order);
                    await(order, 0);
                } else {
                    leave(order);
                }
            }
        } catch (HttpTimeoutException e) {
            // It may have committed after all: if its message comes, it counts; the order is left out from now on.
            leave(order);
            ledger.unanswered(order.id(), version, "timeout", measured);
        } catch (IOException e) {
            leave(order);
            ledger.unanswered(order.id(), version, "io: " + e.getClass().getSimpleName(), measured);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            leave(order);
            ledger.unanswered(order.id(), version, "interrupted", measured);
        }
    }

    /** The client had too many requests outstanding to start this one: a change not made, counted, never delayed. */
    void refused(boolean measured) {
        ledger.notMade("refused-by-client", measured);
    }

    /** Reassignments the command API accepted, warm-up included. */
    long reassignments() {
        return reassignments.sum();
    }

    /** Drivers (fixture indexes) that have active orders now. */
    List<Integer> driversWithActiveOrders() {
        return active.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).sorted().toList();
    }

    /** The driver's active orders now, id → version: what a rename sent now must reach. */
    Map<Long, Long> activeOrders(int driver) {
        return Map.copyOf(active.getOrDefault(driver, Map.of()));
    }

    private void list(Tracked order) {
        if (order.settled()) {
            active.computeIfAbsent(order.driver(), d -> new ConcurrentHashMap<>()).put(order.id(), (long) order.version());
        }
    }

    private void leave(Tracked order) {
        Map<Long, Long> orders = active.get(order.driver());
        if (orders != null) {
            orders.remove(order.id());
        }
    }

    private ApiClient.Reply send(Tracked o, String step, int driver) throws IOException, InterruptedException {
        String ifMatch = "\"" + o.version() + "\"";
        return switch (step) {
            case "assign-driver", REASSIGN -> api.post("/api/orders/" + o.id() + "/assign-driver", fixture.adminToken,
                    "{\"driverId\":" + fixture.drivers.get(driver) + "}", ifMatch);
            // By the driver the order has now: after a reassignment, the new one.
            case "pick-up", Ledger.FINAL_STEP -> api.post("/api/orders/" + o.id() + "/" + step, fixture.driverTokens.get(driver), null, ifMatch);
            default -> api.post("/api/orders/" + o.id() + "/" + step, fixture.adminToken, null, ifMatch);
        };
    }
}
