package ge.dms.bench.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One order's walk through the lifecycle, built the way the command API would have written it:
 * one log row per change, the version counting them, the status stamps set on the way. A step
 * that would happen after the data set's end is not taken, so recent orders stay open.
 */
final class Journey {

    private final Instant end;
    private final List<Rows.Change> changes = new ArrayList<>();
    private String status;
    private Instant last;
    private Long driverId;
    private boolean stopped;
    Instant confirmedAt;
    Instant readyAt;
    Instant pickedUpAt;
    Instant deliveredAt;
    Instant cancelledAt;

    Journey(Instant created, long restaurantId, Instant end) {
        this.end = end;
        this.status = "pending";
        this.last = created;
        changes.add(new Rows.Change(null, "pending", created, "restaurant", restaurantId, null));
    }

    /** Moves to {@code to} at {@code at} (at least a second after the previous change); false once past the end. */
    boolean move(Instant at, String to, String role, Long actorId, String reason) {
        if (stopped) {
            return false;
        }
        Instant when = at.isAfter(last) ? at : last.plusSeconds(1);
        if (when.isAfter(end)) {
            stopped = true;
            return false;
        }
        changes.add(new Rows.Change(status, to, when, role, actorId, reason));
        status = to;
        last = when;
        switch (to) {
            case "confirmed" -> confirmedAt = confirmedAt == null ? when : confirmedAt;
            case "ready" -> readyAt = when;
            case "out_for_delivery" -> pickedUpAt = when;
            case "delivered" -> deliveredAt = when;
            case "cancelled" -> cancelledAt = when;
            default -> { }
        }
        return true;
    }

    /** An admin assigns (or reassigns) a driver: the status stays, a log row records it. */
    boolean assign(Instant at, long driver) {
        boolean done = move(at, status, "admin", null, "driver " + driver + " assigned");
        if (done) {
            driverId = driver;
        }
        return done;
    }

    String status() {
        return status;
    }

    Instant last() {
        return last;
    }

    Long driverId() {
        return driverId;
    }

    List<Rows.Change> changes() {
        return changes;
    }
}
