package ge.dms.bench.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ge.dms.bench.platform.Db;
import ge.dms.bench.platform.Http;
import ge.dms.bench.platform.Probe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Asks one {@link BoardQuery} either way, and walks the API's pages to find deep ones. */
final class BoardPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http api;
    private final DataSource sql;

    BoardPages(Http api, DataSource sql) {
        this.api = api;
        this.sql = sql;
    }

    /** One API request; fails on anything but 200. */
    JsonNode apiPage(BoardQuery q, String token) throws Exception {
        return JSON.readTree(apiBody(q, token));
    }

    String apiBody(BoardQuery q, String token) throws Exception {
        Http.Reply reply = api.get(q.apiPath(), token);
        if (reply.status() != 200) {
            throw new Probe.Failed(String.valueOf(reply.status()));
        }
        return reply.body();
    }

    /** One SQL query; reads every column of every row, as a server rendering the list would. */
    List<Long> sqlPage(BoardQuery q) throws SQLException {
        List<Long> ids = new ArrayList<>(q.limit());
        try (Connection c = sql.getConnection(); PreparedStatement ps = c.prepareStatement(q.sql())) {
            List<Object> values = q.parameters();
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    for (int col = 2; col <= columns; col++) {
                        rs.getString(col);
                    }
                }
            }
        }
        return ids;
    }

    static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("orders").forEach(o -> ids.add(o.path("orderId").asLong()));
        return ids;
    }

    /**
     * {@code base} moved to page {@code page} (1 = first) by following the API's cursors; stops at
     * the last page there is. The SQL keyset is the last order of the page before.
     */
    BoardQuery deep(BoardQuery base, int page, String token) throws Exception {
        BoardQuery q = base;
        for (int p = 1; p < page; p++) {
            JsonNode body = apiPage(q, token);
            JsonNode orders = body.path("orders");
            String next = body.path("nextCursor").isTextual() ? body.path("nextCursor").asText() : null;
            if (next == null || orders.isEmpty()) {
                return q;
            }
            JsonNode last = orders.get(orders.size() - 1);
            q = base.after(next, Instant.parse(last.path("createdAt").asText()), last.path("orderId").asLong());
        }
        return q;
    }

    /** How many orders the API's board holds for {@code base}'s filter, walking every page. */
    long count(BoardQuery base, String token) throws Exception {
        long count = 0;
        BoardQuery q = base;
        while (true) {
            JsonNode body = apiPage(q, token);
            JsonNode orders = body.path("orders");
            count += orders.size();
            if (!body.path("nextCursor").isTextual() || orders.isEmpty()) {
                return count;
            }
            JsonNode last = orders.get(orders.size() - 1);
            q = base.after(body.path("nextCursor").asText(), Instant.parse(last.path("createdAt").asText()), last.path("orderId").asLong());
        }
    }

    static long sqlCount(Db write, long restaurant, String status) throws SQLException {
        try (Connection c = write.connect();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM orders WHERE restaurant_id = ? AND status = ?")) {
            ps.setLong(1, restaurant);
            ps.setString(2, status);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
