package ge.dms.bench.pages;

import ge.dms.bench.cli.Offer;
import ge.dms.bench.platform.LiveScenario;
import ge.dms.bench.report.Run;
import ge.dms.bench.report.Series;
import ge.dms.devstack.tokens.DevTokens;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./dev bench pages}: what a dispatcher and a restaurant wait for in a real browser (the host's headless
 * Chromium): from the start of the navigation to the board's first page painted and, on the dispatcher's screen, to
 * the analytics charts painted; and from choosing "last 6 months, all restaurants" to those charts painted again.
 * Cold visits are each in a new browser (empty cache: every asset and the ECharts library fetched); warm visits
 * navigate again in one browser, as a user moving between screens does.
 */
@Command(name = "pages", mixinStandardHelpOptions = true,
        description = "Time to the board's first page and the analytics charts in a headless Chromium, cold and warm.")
public final class PagesScenario extends LiveScenario {

    private static final String DISPATCH = "/dispatch";
    private static final String RESTAURANT = "/restaurant";
    private static final String BOARD = "dms:first-data";
    private static final String CHARTS = "dms:charts";
    /** An admin id far from real ones (the query API's rate limiter keeps one bucket per caller). */
    private static final long ADMIN_ID = 9_900_000L;

    private static final Offer OFFER = Offer.quick("1 cold and 3 warm visits per screen").timeout("longest wait for one screen", "60s");

    @Option(names = "--cold", description = "visits per screen, each in a new browser (default 3; 1 with --quick)")
    Integer cold;

    @Option(names = "--warm", description = "visits per screen in one browser, after one unmeasured (default 20; 3 with --quick)")
    Integer warm;

    @Option(names = "--restaurant", defaultValue = "1", description = "the restaurant whose screen is opened (default ${DEFAULT-VALUE})")
    long restaurantId;

    @Override
    protected Offer offer() {
        return OFFER;
    }

    @Override
    protected void measure(Run run) throws Exception {
        if (!Chromium.available()) {
            throw new IllegalArgumentException("no Chromium: install Debian's chromium and chromium-driver (looked for "
                    + Chromium.lookedFor() + ")");
        }
        int coldVisits = cold != null ? cold : quick ? 1 : 3;
        int warmVisits = warm != null ? warm : quick ? 3 : 20;
        Duration wait = timeout();
        URI pages = platform.queryApi();
        String secret = api.jwtSecret();
        String admin = DevTokens.mint(secret, "admin", ADMIN_ID);
        String restaurant = DevTokens.mint(secret, "restaurant", restaurantId);
        Timings timings = new Timings();
        List<String> scriptErrors = new ArrayList<>();

        for (int i = 0; i < coldVisits; i++) {
            try (PageVisit visit = PageVisit.signedIn(pages, admin, wait)) {
                dispatcher(visit, "cold", timings);
                scriptErrors.addAll(visit.scriptErrors());
            }
            try (PageVisit visit = PageVisit.signedIn(pages, restaurant, wait)) {
                timings.add("cold restaurant: board first page", visit.open(RESTAURANT, List.of(BOARD)).get(BOARD));
                scriptErrors.addAll(visit.scriptErrors());
            }
        }
        try (PageVisit visit = PageVisit.signedIn(pages, admin, wait)) {
            visit.open(DISPATCH, List.of(BOARD, CHARTS)); // fills the cache; not measured
            for (int i = 0; i < warmVisits; i++) {
                dispatcher(visit, "warm", timings);
            }
            scriptErrors.addAll(visit.scriptErrors());
        }
        try (PageVisit visit = PageVisit.signedIn(pages, restaurant, wait)) {
            visit.open(RESTAURANT, List.of(BOARD));
            for (int i = 0; i < warmVisits; i++) {
                timings.add("warm restaurant: board first page", visit.open(RESTAURANT, List.of(BOARD)).get(BOARD));
            }
            scriptErrors.addAll(visit.scriptErrors());
        }

        run.parameters().put("queryApi", pages.toString());
        run.parameters().put("coldVisitsPerScreen", coldVisits);
        run.parameters().put("warmVisitsPerScreen", warmVisits);
        run.parameters().put("restaurant", restaurantId);
        run.parameters().put("timing", "ms from the navigation's start (or from choosing the preset) to the paint of the data "
                + "(performance marks the pages set); headless Chromium on the same machine as the platform");
        run.series().addAll(timings.series());
        run.figures().put("ordersOnWriteSide", ordersOnWriteSide());
        // A page that logged a script error while it was timed: listed here, and the browser tests fail on it.
        run.figures().put("scriptErrors", scriptErrors);
    }

    private static void dispatcher(PageVisit visit, String kind, Timings timings) {
        Map<String, Double> at = visit.open(DISPATCH, List.of(BOARD, CHARTS));
        timings.add(kind + " dispatcher: board first page", at.get(BOARD));
        timings.add(kind + " dispatcher: charts (last 30 days)", at.get(CHARTS));
        timings.add(kind + " dispatcher: charts after choosing 6 months", visit.choose("analytics-preset", "182"));
    }

    private Long ordersOnWriteSide() throws SQLException {
        if (!database.given()) {
            return null; // only reported: the pages are timed all the same
        }
        try (Connection c = writeSide().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM orders")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One histogram per named series, in the order first seen. */
    private static final class Timings {
        private final Map<String, Histogram> byName = new LinkedHashMap<>();
        private final Instant since = Instant.now();

        void add(String name, double millis) {
            byName.computeIfAbsent(name, n -> new Histogram(3)).recordValue(Math.max(1, Math.round(millis * 1_000_000)));
        }

        List<Series> series() {
            Duration measured = Duration.between(since, Instant.now());
            return byName.entrySet().stream().map(e -> Series.of(e.getKey(), e.getValue(), Map.of(), measured)).toList();
        }
    }
}
