package ge.dms.bench.data;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes one order's history: placed by the restaurant, confirmed within minutes, prepared to be
 * ready an hour or two before the requested delivery time, picked up and delivered, with traffic
 * delays on about one delivery in eight. About 3% are cancelled by the restaurant while pending
 * and 3.5% by an admin later; 3% of orders get their driver reassigned.
 */
final class OrderSimulator {

    private final List<Rows.Driver> drivers;
    private final Instant end;

    OrderSimulator(List<Rows.Driver> drivers, Instant end) {
        this.drivers = drivers;
        this.end = end;
    }

    Rows.Order simulate(SplittableRandom r, long id, long referenceNumber, Rows.Restaurant restaurant, Instant created,
                        List<Rows.Item> items) {
        Instant requested = roundUpToQuarter(created.plus(minutes(r, 120, 600)));
        Journey j = new Journey(created, restaurant.id(), end);
        walk(r, j, created, requested);
        BigDecimal total = items.stream().map(Rows.Item::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        String reference = "ORD-%d-%06d".formatted(Year.from(created.atZone(OrderTimeline.TBILISI)).getValue(), referenceNumber);
        String notes = r.nextInt(10) < 3 ? GeorgianText.pick(r, GeorgianText.NOTES) : null;
        return new Rows.Order(id, reference, restaurant.id(), j.driverId(), j.status(), restaurant.address() + ", " + restaurant.city(),
                requested, notes, total, j.changes().size(), created, j.last(), j.confirmedAt, j.readyAt, j.pickedUpAt,
                j.deliveredAt, j.cancelledAt, items, List.copyOf(j.changes()));
    }

    private void walk(SplittableRandom r, Journey j, Instant created, Instant requested) {
        double fate = r.nextDouble();
        if (fate < 0.03) {
            j.move(created.plus(minutes(r, 2, 45)), "cancelled", "restaurant", j.changes().getFirst().actorId(),
                    GeorgianText.pick(r, GeorgianText.RESTAURANT_CANCEL_REASONS));
            return;
        }
        int adminCancelAt = fate < 0.065 ? 1 + r.nextInt(3) : 0; // 1 confirmed, 2 preparing, 3 ready
        Instant t = created.plusSeconds(60 + (long) (-Math.log(1 - r.nextDouble()) * 8 * 60));
        if (!j.move(t, "confirmed", "admin", null, null) || adminCancelAt == 1 && cancelByAdmin(r, j, t)) {
            return;
        }
        Instant prep = later(t.plus(minutes(r, 5, 30)), requested.minus(minutes(r, 120, 180)));
        Instant ready = prep.plus(minutes(r, 20, 90));
        if (!j.move(prep, "preparing", "admin", null, null)
                || !j.assign(prep.plus(minutes(r, 1, 15)), driver(r, null))
                || adminCancelAt == 2 && cancelByAdmin(r, j, prep)) {
            return;
        }
        if (r.nextInt(100) < 3 && !j.assign(j.last().plus(Duration.between(j.last(), ready).dividedBy(2)), driver(r, j.driverId()))) {
            return;
        }
        if (!j.move(ready, "ready", "admin", null, null) || adminCancelAt == 3 && cancelByAdmin(r, j, ready)) {
            return;
        }
        Duration travel = minutes(r, 15, 60);
        Instant pickUp = later(ready.plus(minutes(r, 2, 20)), requested.minus(travel).minus(minutes(r, 0, 30)));
        if (!j.move(pickUp, "out_for_delivery", "driver", j.driverId(), null)) {
            return;
        }
        Duration delay = r.nextInt(100) < 12 ? minutes(r, 20, 150) : minutes(r, 0, 10);
        j.move(pickUp.plus(travel).plus(delay), "delivered", "driver", j.driverId(), null);
    }

    /** Cancels a few minutes after {@code from}; true when it happened (the walk then ends). */
    private static boolean cancelByAdmin(SplittableRandom r, Journey j, Instant from) {
        j.move(from.plus(minutes(r, 3, 40)), "cancelled", "admin", null, GeorgianText.pick(r, GeorgianText.ADMIN_CANCEL_REASONS));
        return true;
    }

    private long driver(SplittableRandom r, Long not) {
        long id = drivers.get(r.nextInt(drivers.size())).id();
        return drivers.size() > 1 && not != null && id == not ? driver(r, not) : id;
    }

    private static Duration minutes(SplittableRandom r, int from, int to) {
        return Duration.ofSeconds(from * 60L + r.nextLong((to - from) * 60L + 1));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant roundUpToQuarter(Instant t) {
        long quarter = 15 * 60;
        return Instant.ofEpochSecond((t.getEpochSecond() + quarter - 1) / quarter * quarter);
    }
}
