package ge.dms.query.analytics;

import ge.dms.query.infra.ReadStore;
import ge.dms.readmodel.ReadSideSql;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static ge.dms.readmodel.jooq.Tables.ORDER_VIEW;
import static org.jooq.impl.DSL.max;

/**
 * Orders created in [from, to) as CSV, streamed: a declared cursor walks the {@code created_at}
 * index in export order and is fetched in batches, a virtual thread writes the rows through a
 * bounded pipe (8 x 16 kB), and the HTTP layer reads the other end. Memory stays constant whatever
 * the row count; a client that goes away closes the pipe, which stops the fetching.
 */
@Singleton
public class CsvExport {

    /** The exported columns, in file order; the header row is their names. */
    private static final List<Field<?>> COLUMNS = List.of(ORDER_VIEW.ORDER_ID, ORDER_VIEW.REFERENCE, ORDER_VIEW.STATUS,
            ORDER_VIEW.RESTAURANT_ID, ORDER_VIEW.RESTAURANT_NAME, ORDER_VIEW.DRIVER_ID, ORDER_VIEW.DRIVER_NAME,
            ORDER_VIEW.DELIVERY_ADDRESS, ORDER_VIEW.REQUESTED_DELIVERY_AT, ORDER_VIEW.TOTAL_AMOUNT, ORDER_VIEW.ITEM_COUNT,
            ORDER_VIEW.CREATED_AT, ORDER_VIEW.PICKED_UP_AT, ORDER_VIEW.DELIVERED_AT, ORDER_VIEW.CANCELLED_AT, ORDER_VIEW.NOTES);
    static final String[] HEADER = COLUMNS.stream().map(Field::getName).toArray(String[]::new);
    private static final Logger LOG = LoggerFactory.getLogger(CsvExport.class);
    /** Rows per FETCH: ~300 kB of CSV, so the pipe never waits long for the next batch. */
    private static final int FETCH_SIZE = 1000;
    /** The first batch is small: it is all that stands between the request and the first byte. */
    private static final int FIRST_FETCH_SIZE = 100;
    private static final String CURSOR = "csv_export";
    private final ReadStore store;

    public CsvExport(ReadStore store) {
        this.store = store;
    }

    /** Commit time of the newest change the read side reflects (null while it is empty). */
    public Instant newestChange() throws SQLException {
        try {
            OffsetDateTime newest = store.sql().select(max(ORDER_VIEW.SOURCE_COMMIT_TIME)).from(ORDER_VIEW)
                    .fetchSingle().value1();
            return newest == null ? null : newest.toInstant();
        } catch (DataAccessException e) {
            throw ReadSideSql.sqlException(e);
        }
    }

    /**
     * Declares the database cursor now (so an unavailable database or a bad plan is an error
     * before any byte is sent) and returns the stream the rows are written to.
     */
    public InputStream open(Instant from, Instant to, Long restaurantId) throws SQLException {
        Connection c = store.connect();
        try {
            c.setAutoCommit(false); // a cursor lives in a transaction (read-only; rolled back at the end)
            declare(ReadSideSql.using(c), from, to, restaurantId).execute();
            BoundedPipe pipe = new BoundedPipe(8, 16 * 1024);
            Thread.ofVirtual().name("csv-export").start(() -> write(c, pipe));
            return pipe.input();
        } catch (DataAccessException e) {
            c.close();
            throw ReadSideSql.sqlException(e);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * {@code DECLARE csv_export NO SCROLL CURSOR FOR SELECT ...}: orders created in [from, to), of one restaurant
     * when given, in export order. A declared cursor, not a plain statement with a fetch size: PostgreSQL plans a
     * cursor for its first rows (cursor_tuple_fraction), so it walks order_view_created (or
     * order_view_restaurant_created) backwards in export order. Planned as a whole statement, a quarter of the
     * table (50,000 of 200,000 orders) was a parallel seq scan and an external sort of every row before the first
     * one came out (~0.4-0.7 s to the first byte). jOOQ has no DECLARE: the SELECT is jOOQ's, inside a template.
     */
    static Query declare(DSLContext sql, Instant from, Instant to, Long restaurantId) {
        Condition range = ORDER_VIEW.CREATED_AT.ge(from.atOffset(ZoneOffset.UTC)).and(ORDER_VIEW.CREATED_AT.lt(to.atOffset(ZoneOffset.UTC)));
        return sql.query("DECLARE " + CURSOR + " NO SCROLL CURSOR FOR {0}", sql.select(COLUMNS).from(ORDER_VIEW)
                .where(restaurantId == null ? range : range.and(ORDER_VIEW.RESTAURANT_ID.eq(restaurantId)))
                .orderBy(ORDER_VIEW.CREATED_AT, ORDER_VIEW.ORDER_ID));
    }

    private static int[] columnTypes(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int[] types = new int[meta.getColumnCount()];
        for (int i = 0; i < types.length; i++) {
            types[i] = meta.getColumnType(i + 1);
        }
        return types;
    }

    /**
     * A column as CSV text: instants as ISO-8601 UTC ({@code Instant.toString}), amounts in plain
     * notation, everything else as the driver's text. Reading the text directly spares a boxed
     * object per field; timestamps go through OffsetDateTime (not the Calendar-based Timestamp)
     * and {@link InstantText}.
     */
    private static String text(ResultSet rs, int column, int type) throws SQLException {
        return switch (type) {
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
                yield t == null ? null : InstantText.of(t);
            }
            case Types.NUMERIC, Types.DECIMAL -> {
                BigDecimal d = rs.getBigDecimal(column);
                yield d == null ? null : d.toPlainString();
            }
            default -> rs.getString(column);
        };
    }

    /**
     * Writes the next {@code batch} rows of the cursor; returns how many there were (fewer: the end). Read straight
     * from JDBC, not through jOOQ records: no record and no boxed value per field on the export's row loop (the
     * columns are the cursor's, declared by {@link #declare}).
     */
    private static int fetch(Statement fetch, int batch, CsvWriter csv) throws SQLException, IOException {
        int fetched = 0;
        try (ResultSet rs = fetch.executeQuery("FETCH FORWARD " + batch + " FROM " + CURSOR)) {
            int[] types = columnTypes(rs);
            while (rs.next()) {
                for (int i = 0; i < types.length; i++) {
                    csv.field(text(rs, i + 1, types[i]));
                }
                csv.endRow();
                fetched++;
            }
        }
        return fetched;
    }

    private static void write(Connection c, BoundedPipe pipe) {
        long rows = 0;
        try (c; Statement fetch = c.createStatement()) {
            // Closed only on success: a failed export must end the response broken, not short and "complete".
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(pipe.output(), StandardCharsets.UTF_8), 16 * 1024);
            CsvWriter csv = new CsvWriter(w);
            csv.row((Object[]) HEADER);
            for (int batch = FIRST_FETCH_SIZE; ; batch = FETCH_SIZE) {
                int fetched = fetch(fetch, batch, csv);
                rows += fetched;
                if (fetched < batch) {
                    break;
                }
                if (batch == FIRST_FETCH_SIZE) {
                    w.flush(); // the first rows go out now, not once 16 kB have piled up
                }
            }
            w.close();
            c.rollback();
            LOG.debug("CSV export wrote {} rows", rows);
        } catch (IOException e) {
            LOG.info("CSV export stopped after {} rows: the client went away ({})", rows, e.toString());
        } catch (SQLException | RuntimeException e) {
            LOG.warn("CSV export failed after {} rows: {}", rows, e.toString());
            pipe.fail(new IOException("export failed: " + e.getMessage(), e));
        }
    }
}
