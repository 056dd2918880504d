package ge.dms.bench.fanout;

import com.fasterxml.jackson.databind.ObjectMapper;
import ge.dms.bench.commands.ApiClient;
import ge.dms.bench.commands.Fixture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rename loop: each call of {@link #next} renames one driver that has active orders
 * ({@code PUT /api/drivers/{id}} as an admin, phone and vehicle as the fixture created them, the
 * name with {@code " #n"} appended), registering the rename with those orders in the ledger first.
 * A driver whose previous rename is still unanswered or owed a message is not renamed again, so two
 * names of one driver are never in flight together.
 */
final class Renamer {

    private static final Logger LOG = LoggerFactory.getLogger(Renamer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient api;
    private final Fixture fixture;
    private final DriverChanges changes;
    private final Ledger ledger;
    private final AtomicInteger renames = new AtomicInteger();

    Renamer(ApiClient api, Fixture fixture, DriverChanges changes, Ledger ledger) {
        this.api = api;
        this.fixture = fixture;
        this.changes = changes;
        this.ledger = ledger;
    }

    /** Renames one driver, due at {@code intendedStart} (System.nanoTime); outcomes go to the ledger. */
    void next(long intendedStart, boolean measured) {
        Registered rename = register(intendedStart, measured);
        if (rename == null) {
            ledger.renameSkipped();
            return;
        }
        try {
            var body = JSON.createObjectNode().put("name", rename.name()).put("phone", fixture.driverPhones.get(rename.driver()))
                    .put("vehicle", fixture.driverVehicles.get(rename.driver()));
            ApiClient.Reply reply = api.put("/api/drivers/" + fixture.drivers.get(rename.driver()), fixture.adminToken,
                    JSON.writeValueAsString(body));
            if (reply.ok()) {
                ledger.renameAnswered(rename.name());
            } else {
                LOG.debug("renaming driver {} answered {} {}", fixture.drivers.get(rename.driver()), reply.status(), reply.body());
                ledger.renameFailed(rename.name(), String.valueOf(reply.status()), measured);
            }
        } catch (HttpTimeoutException e) {
            ledger.renameUnanswered(rename.name(), "timeout", measured);
        } catch (IOException e) {
            ledger.renameUnanswered(rename.name(), "io: " + e.getClass().getSimpleName(), measured);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ledger.renameUnanswered(rename.name(), "interrupted", measured);
        }
    }

    private record Registered(int driver, String name) {
    }

    /** Picks a driver and registers its rename; one at a time, so two ticks never pick the same driver. */
    private synchronized Registered register(long intendedStart, boolean measured) {
        List<Integer> candidates = changes.driversWithActiveOrders().stream()
                .filter(d -> !ledger.renamePending(fixture.drivers.get(d))).toList();
        if (candidates.isEmpty()) {
            return null;
        }
        int driver = candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
        Map<Long, Long> orders = changes.activeOrders(driver);
        if (orders.isEmpty()) {
            return null; // its last active order went on to delivery just now
        }
        String name = fixture.driverNames.get(driver) + " #" + renames.incrementAndGet();
        ledger.expectRename(fixture.drivers.get(driver), name, orders, intendedStart, measured);
        return new Registered(driver, name);
    }

    /** The client had too many requests outstanding to start this one: counted, never delayed. */
    void refused(boolean measured) {
        ledger.notMade(Renames.STEP + " refused-by-client", measured);
    }
}
