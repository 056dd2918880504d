package ge.dms.bench.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ge.dms.bench.platform.Callers;
import ge.dms.bench.platform.Http;
import ge.dms.bench.platform.Db;
import ge.dms.bench.platform.Probe;
import ge.dms.schemas.order.OrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What the board scenario asks, for one restaurant: waits until the API's board shows every open
 * order the write side holds, builds the probes (first page, one status, last 7 days, one driver,
 * a deep page, a deep page of one status, and the detail of an order) and checks that every way returns the same orders.
 */
final class BoardSetup {

    private static final Logger LOG = LoggerFactory.getLogger(BoardSetup.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The order detail question. */
    static final String ORDER = "order";
    static final List<String> OPEN = OrderStatus.valuesOf(OrderStatus.OPEN);

    private final BoardPages pages;
    private final Db write;
    private final long restaurant;
    private final String token;

    BoardSetup(BoardPages pages, Db write, long restaurant, String token) {
        this.pages = pages;
        this.write = write;
        this.restaurant = restaurant;
        this.token = token;
    }

    /** Waits until the API's board holds, per open status, the count of the write side; returns those counts. */
    Map<String, Long> awaitOpenOrders(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, Long> expected = new LinkedHashMap<>();
            Map<String, Long> served = new LinkedHashMap<>();
            for (String status : OPEN) {
                expected.put(status, BoardPages.sqlCount(write, restaurant, status));
                served.put(status, pages.count(BoardQuery.firstPage("count", restaurant, 500).withStatus(status), token));
            }
            if (expected.equals(served)) {
                return expected;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the board views did not catch up within " + timeout + ": write side " + expected
                        + ", query API " + served);
            }
            LOG.info("waiting for the board views: write side {}, query API {}", expected, served);
            Thread.sleep(1000);
        }
    }

    List<BoardQuery> queries(Map<String, Long> open, int limit, int deepPage) throws Exception {
        String status = open.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("pending");
        BoardQuery first = BoardQuery.firstPage("first", restaurant, limit);
        List<BoardQuery> queries = new ArrayList<>();
        queries.add(first);
        queries.add(BoardQuery.firstPage("status", restaurant, limit).withStatus(status));
        queries.add(BoardQuery.firstPage("7 days", restaurant, limit).withRange(Instant.now().minus(7, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.HOURS), null));
        Long driver = busiestDriver();
        if (driver != null) {
            queries.add(BoardQuery.firstPage("driver", restaurant, limit).withDriver(driver));
        }
        queries.add(pages.deep(BoardQuery.firstPage("deep", restaurant, limit), deepPage, token));
        queries.add(pages.deep(BoardQuery.firstPage("deep status", restaurant, limit).withStatus(status), deepPage, token));
        return queries;
    }

    /**
     * Each query asked once each way: the page must hold the same orders. Compared as sets: Redis
     * scores are milliseconds and order equal scores by id, PostgreSQL by microseconds, so two
     * orders placed in one millisecond may swap places. Returns the mismatches (empty: all agree).
     */
    Map<String, String> disagreements(List<BoardQuery> queries) throws Exception {
        Map<String, String> mismatches = new LinkedHashMap<>();
        for (BoardQuery q : queries) {
            JsonNode page = pages.apiPage(q, token);
            List<Long> api = BoardPages.ids(page);
            List<Long> sql = pages.sqlPage(q);
            if (!new java.util.HashSet<>(api).equals(new java.util.HashSet<>(sql)) || api.size() != sql.size()) {
                mismatches.put(q.name(), "api " + head(api) + " vs sql " + head(sql));
            }
        }
        return mismatches;
    }

    /**
     * Every board question on the query API, the baseline and as direct SQL, and {@value #ORDER} (the detail of the
     * orders of the first page, in turn) the same three ways; each HTTP request with the next caller's token.
     */
    static List<Probe> probes(List<BoardQuery> queries, BoardPages pages, Callers callers, Http baseline, List<Long> orderIds) {
        List<Probe> probes = new ArrayList<>();
        for (BoardQuery q : queries) {
            probes.add(new Probe(q.name(), () -> pages.apiBody(q, callers.next()), () -> pages.sqlPage(q))
                    .with(Probe.BASELINE, () -> BoardPages.body(baseline, q.apiPath(), callers.next())));
        }
        if (!orderIds.isEmpty()) {
            AtomicLong turn = new AtomicLong();
            LongSupplier next = () -> orderIds.get((int) (turn.getAndIncrement() % orderIds.size()));
            probes.add(new Probe(ORDER, () -> pages.apiOrder(next.getAsLong(), callers.next()), () -> pages.sqlOrder(next.getAsLong()))
                    .with(Probe.BASELINE, () -> BoardPages.body(baseline, BoardPages.orderPath(next.getAsLong()), callers.next())));
        }
        return probes;
    }

    /**
     * The baseline against the other two, before measuring: each board page holds the orders the API's page holds, its
     * rows have the API's fields, and one order's detail has the API's fields and the same status, version and items.
     * Returns the mismatches (empty: all agree).
     */
    Map<String, String> baselineDisagreements(List<BoardQuery> queries, Http baseline, List<Long> orderIds) throws Exception {
        Map<String, String> mismatches = new LinkedHashMap<>();
        for (BoardQuery q : queries) {
            JsonNode page = JSON.readTree(BoardPages.body(baseline, q.apiPath(), token));
            List<Long> ids = BoardPages.ids(page);
            JsonNode api = pages.apiPage(q, token);
            // Against the API's page, as sets: a deep page is reached by the API's millisecond cursor, which the baseline
            // reads as the API does, while direct SQL's microsecond keyset cuts a millisecond holding two orders elsewhere.
            List<Long> apiIds = BoardPages.ids(api);
            if (!new java.util.HashSet<>(ids).equals(new java.util.HashSet<>(apiIds)) || ids.size() != apiIds.size()) {
                mismatches.put(q.name(), "baseline " + head(ids) + " vs api " + head(apiIds));
            }
            if (!api.path("orders").isEmpty() && !page.path("orders").isEmpty()
                    && !fields(api.path("orders").get(0)).equals(fields(page.path("orders").get(0)))) {
                mismatches.put(q.name() + " fields", "api " + fields(api.path("orders").get(0)) + " vs baseline "
                        + fields(page.path("orders").get(0)));
            }
        }
        if (!orderIds.isEmpty()) {
            long id = orderIds.getFirst();
            JsonNode api = JSON.readTree(pages.apiOrderBody(id, token));
            JsonNode mine = JSON.readTree(BoardPages.body(baseline, BoardPages.orderPath(id), token));
            if (!fields(api).equals(fields(mine))) {
                mismatches.put(ORDER + " fields", "api " + fields(api) + " vs baseline " + fields(mine));
            }
            for (String field : List.of("status", "version", "itemCount", "totalAmount", "items")) {
                if (!api.path(field).equals(mine.path(field))) {
                    mismatches.put(ORDER + " " + field, "api " + api.path(field) + " vs baseline " + mine.path(field));
                }
            }
        }
        return mismatches;
    }

    /** The orders of the first page of {@code first}, whose details the {@value #ORDER} question asks. */
    List<Long> firstPageOrders(BoardQuery first) throws Exception {
        return BoardPages.ids(pages.apiPage(first, token));
    }

    static Set<String> fields(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private Long busiestDriver() throws SQLException {
        try (Connection c = write.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT driver_id FROM orders WHERE restaurant_id = ? AND driver_id IS NOT NULL GROUP BY driver_id ORDER BY count(*) DESC, 1 LIMIT 1")) {
            ps.setLong(1, restaurant);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static String head(List<Long> ids) {
        return ids.size() <= 4 ? ids.toString() : ids.subList(0, 4) + "… (" + ids.size() + ")";
    }
}
