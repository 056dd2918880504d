package ge.dms.bench.fanout;

import ge.dms.bench.commands.ApiClient;
import ge.dms.bench.commands.Fixture;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

/**
 * Fanout's workload for another scenario ({@code faults}): the fixture's drivers on their sockets, driver-visible
 * lifecycle changes (assign, a share reassigned, prepare, ready, pick up, deliver) through the command API, each
 * matched to its socket messages, so that what went missing or came twice is counted. Renames are left out.
 */
public final class DriverLoad implements AutoCloseable {

    private static final double REASSIGN_SHARE = 0.2;

    private final Ledger ledger;
    private final DriverFeeds feeds;
    private final DriverChanges changes;
    private final ApiClient views;
    private final Fixture fixture;

    private DriverLoad(Ledger ledger, DriverFeeds feeds, DriverChanges changes, ApiClient views, Fixture fixture) {
        this.ledger = ledger;
        this.feeds = feeds;
        this.changes = changes;
        this.views = views;
        this.fixture = fixture;
    }

    /** Opens every driver's socket (each awaited until its hello); {@code listener} hears of every outcome and message. */
    public static DriverLoad open(ApiClient commands, ApiClient views, Fixture fixture, URI queryApi, ChangeListener listener,
                                  Duration stepGap) throws InterruptedException, TimeoutException {
        Ledger ledger = new Ledger(listener);
        DriverFeeds feeds = DriverFeeds.open(fixture, queryApi, ledger, Duration.ofSeconds(Math.max(60, fixture.drivers.size() / 10)));
        return new DriverLoad(ledger, feeds, new DriverChanges(commands, fixture, ledger, REASSIGN_SHARE, stepGap), views, fixture);
    }

    /**
     * Places and confirms enough orders for {@code rate} changes a second over {@code run} (plus a tenth, and those in
     * progress at a time), then waits until the query API shows the last one: nothing of it is left to catch up.
     */
    public long prepare(double rate, Duration run, Duration stepGap, LongConsumer progress) throws Exception {
        int orders = orders(rate, run, stepGap);
        // A few at a time, as fanout does: preparing is not measured, and flooding the command API only makes it time out.
        DriverChanges.Prepared prepared = changes.prepare(orders, rate > 50 ? 16 : 8, progress);
        FanoutScenario.awaitView(views, fixture.adminToken, prepared.lastId(), Duration.ofMinutes(5));
        return prepared.ready();
    }

    /** What {@link #prepare} places for that rate and run. */
    public static int orders(double rate, Duration run, Duration stepGap) {
        return (int) Math.ceil(rate * run.toNanos() / 1e9 / DriverChanges.changesPerOrder(REASSIGN_SHARE) * 1.1
                + rate * (1 + stepGap.toNanos() / 1e9));
    }

    /** One change, due at {@code intendedStart} (System.nanoTime). */
    public void next(long intendedStart) {
        changes.next(intendedStart, true);
    }

    /** The load generator had too many requests outstanding: a change not made. */
    public void refused(long intendedStart) {
        changes.refused(true);
    }

    /** Waits up to {@code limit} for the messages still owed; returns the seconds waited. */
    public double awaitDelivered(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        while (ledger.missing() > 0 && System.nanoTime() - start < limit.toNanos()) {
            Thread.sleep(50);
        }
        return Math.round((System.nanoTime() - start) / 1e6) / 1e3;
    }

    /** Waits until every socket is connected and has said hello again. */
    public void awaitLive(Duration timeout) throws InterruptedException, TimeoutException {
        feeds.awaitLive(Long.MIN_VALUE, timeout);
    }

    /** Changes made, messages owed, received, missing, duplicated, unexpected, misrouted, socket reconnects and resyncs. */
    public Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("changesMade", ledger.changesMade());
        figures.put("changesUnanswered", ledger.unanswered());
        figures.put("messagesOwed", ledger.expected());
        figures.put("messagesReceived", ledger.received());
        figures.put("messagesMissing", ledger.missing());
        figures.put("messagesDuplicated", ledger.duplicated());
        figures.put("messagesUnexpected", ledger.unexpected());
        figures.put("messagesMisrouted", ledger.misrouted());
        figures.put("reconnects", feeds.reconnects());
        figures.put("resyncs", feeds.resyncs());
        return figures;
    }

    @Override
    public void close() {
        feeds.close();
    }
}
