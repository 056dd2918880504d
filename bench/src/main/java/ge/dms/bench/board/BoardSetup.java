package ge.dms.bench.board;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.bench.platform.Callers;
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

/**
 * What the board scenario asks, for one restaurant: waits until the API's board shows every open
 * order the write side holds, builds the probes (first page, one status, last 7 days, one driver,
 * a deep page, a deep page of one status) and checks that both ways return the same orders.
 */
final class BoardSetup {

    private static final Logger LOG = LoggerFactory.getLogger(BoardSetup.class);
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

    static List<Probe> probes(List<BoardQuery> queries, BoardPages pages, Callers callers) {
        List<Probe> probes = new ArrayList<>();
        for (BoardQuery q : queries) {
            probes.add(new Probe(q.name(), () -> pages.apiBody(q, callers.next()), () -> pages.sqlPage(q)));
        }
        return probes;
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
