package ge.dms.bench.faults;

import ge.dms.bench.commands.ApiClient;
import ge.dms.bench.commands.Fixture;
import ge.dms.bench.commands.OpenLoop;
import ge.dms.bench.fanout.DriverLoad;
import ge.dms.bench.platform.Db;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One fault under load: the drivers on their sockets, changes at the offered rate, the board readers; the load runs
 * {@code before}, then the fault for its window and until its target answers again, then {@code after}; then the
 * messages still owed are awaited, the acknowledged changes looked up in the write side and the views checked
 * until they agree. Returns the fault's row.
 */
final class FaultRun {

    private static final Logger LOG = LoggerFactory.getLogger(FaultRun.class);
    /** An answer is fresh when its data is younger than this (the bound for "views fresh again"). */
    static final long FRESH_MS = 1_000;

    /** What the run is given: where, how much load, how long each part. */
    record Settings(URI queryApi, double rate, int maxInFlight, int readers, Duration window, Duration before, Duration after,
                    Duration stepGap, Duration drain, Duration settle) {
    }

    private final Settings settings;
    private final ApiClient commands;
    private final ApiClient views;
    private final Fixture fixture;
    private final Db writeSide;
    private final FaultControl control;

    FaultRun(Settings settings, ApiClient commands, ApiClient views, Fixture fixture, Db writeSide, FaultControl control) {
        this.settings = settings;
        this.commands = commands;
        this.views = views;
        this.fixture = fixture;
        this.writeSide = writeSide;
        this.control = control;
    }

    Map<String, Object> run(Fault fault) throws Exception {
        Timeline timeline = new Timeline();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("fault", fault.toString());
        row.put("windowSeconds", settings.window().toMillis() / 1000.0);
        try (DriverLoad load = DriverLoad.open(commands, views, fixture, settings.queryApi(), timeline, settings.stepGap())) {
            // The start of a killed service and the catch-up after it are part of the run: half a minute of orders for them
            // (a run that outlasts its orders counts the changes it could not make, never as lost).
            load.prepare(settings.rate(), settings.before().plus(settings.window()).plus(settings.after()).plusSeconds(30),
                    settings.stepGap(), done -> { });
            LOG.info("{}: load on, fault in {}", fault, settings.before());
            FaultControl.Outcome outcome = underLoad(load, timeline, fault);
            double drained = load.awaitDelivered(settings.drain());
            row.putAll(recovery(timeline, outcome));
            row.putAll(writes(timeline, outcome));
            row.putAll(load.figures());
            row.put("drainSeconds", drained);
            row.putAll(views());
        }
        LOG.info("{}: {}", fault, row);
        return row;
    }

    /** Load and readers on for before, the fault, after; returns the fault's times. */
    private FaultControl.Outcome underLoad(DriverLoad load, Timeline timeline, Fault fault) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Thread changes = Thread.ofPlatform().name("faults-load").start(() -> OpenLoop.run(settings.rate(), Duration.ofHours(1),
                settings.maxInFlight(), load::next, load::refused, ms -> { }, stop::get));
        FaultControl.Outcome outcome;
        try (BoardReaders readers = BoardReaders.start(settings.queryApi(), fixture, settings.readers(), timeline)) {
            try {
                Thread.sleep(settings.before());
                outcome = control.inject(fault, settings.window());
                LOG.info("{}: over, {} ms after it began; load on for {}", fault, outcome.recoveredAtMs() - outcome.injectedAtMs(),
                        settings.after());
                Thread.sleep(settings.after());
            } finally {
                stop.set(true);
                changes.join();
            }
        }
        return outcome;
    }

    private static Map<String, Object> recovery(Timeline timeline, FaultControl.Outcome outcome) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("faultToRecoveredSeconds", (outcome.recoveredAtMs() - outcome.injectedAtMs()) / 1000.0);
        // From the moment the fault was lifted (the killed service started again, the server started again, SIGCONT).
        row.put("writesBackSeconds", timeline.writesBackAfter(outcome.liftedAtMs()));
        row.put("viewsFreshSeconds", timeline.viewsFreshAfter(outcome.liftedAtMs(), FRESH_MS));
        row.put("socketsBackSeconds", timeline.socketsBackAfter(outcome.liftedAtMs()));
        row.put("commandFailuresFromFault", timeline.commandFailuresFrom(outcome.injectedAtMs()));
        row.putAll(timeline.readsBetween(outcome.injectedAtMs(), outcome.recoveredAtMs()));
        return row;
    }

    private Map<String, Object> writes(Timeline timeline, FaultControl.Outcome outcome) throws Exception {
        var acks = timeline.acks();
        long present = WriteSide.present(writeSide, acks);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("acknowledgedDuringFault", timeline.acksBetween(outcome.injectedAtMs(), outcome.recoveredAtMs()));
        row.put("acknowledged", (long) acks.size());
        row.put("presentInWriteSide", present);
        row.put("lost", acks.size() - present);
        return row;
    }

    /** {@code check-views} until it finds no drift or {@code settle} has passed; the last drift and how long it took. */
    private Map<String, Object> views() throws Exception {
        long start = System.nanoTime();
        FaultControl.Drift drift = control.checkViews();
        while (drift.count() > 0 && System.nanoTime() - start < settings.settle().toNanos()) {
            Thread.sleep(1_000);
            drift = control.checkViews();
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("drift", drift.count());
        row.put("noDriftAfterSeconds", drift.count() == 0 ? Math.round((System.nanoTime() - start) / 1e6) / 1e3 : null);
        if (drift.count() > 0) {
            row.put("driftExamples", drift.examples());
        }
        return row;
    }
}
