package ge.dms.devstack.launcher;

import ge.dms.bench.data.DataGenerator;
import ge.dms.bench.data.LoadReport;
import ge.dms.bench.data.Scale;
import ge.dms.bench.platform.Db;
import ge.dms.bench.platform.OrderData;
import ge.dms.devstack.infra.Endpoints;
import ge.dms.devstack.infra.PostgresEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code ./dev up --demo-size N}: N generated orders (bench's {@link DataGenerator}, COPY) on top of
 * the small demo, with parties in proportion, then a wait until CDC and the projections have
 * carried every one of them to the read side. Reports both times.
 */
final class DemoSize {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSize.class);
    /** Catching up runs at a few thousand changes a second here; 200,000 orders are ~1.4 million rows. */
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(30);

    /** What loading took: orders, rows, seconds to load, seconds until the read side held them all. */
    record Report(long orders, long rows, double loadSeconds, double catchUpSeconds) {

        String describe() {
            return String.format("%,d generated orders (%,d rows) loaded in %.1f s; CDC and projections caught up %.1f s later",
                    orders, rows, loadSeconds, catchUpSeconds);
        }
    }

    private DemoSize() {
    }

    /** Parties grow with the orders up to the business as it is today (500 / 200 / 1,000 at 200,000 orders). */
    static Scale scale(int orders) {
        return new Scale(clamp(orders / 400, 10, 500), clamp(orders / 1_000, 5, 200), clamp(orders / 200, 50, 1_000), orders, 6);
    }

    static Report load(Endpoints endpoints, int orders) {
        PostgresEndpoint write = endpoints.writeDatabase();
        PostgresEndpoint read = endpoints.readDatabase();
        LOG.info("generating {} orders", orders);
        LoadReport loaded = DataGenerator.load(write.jdbcUrl(), write.user(), write.password(),
                new DataGenerator.Options(scale(orders), 42, Instant.now().truncatedTo(ChronoUnit.HOURS), 2_000), written -> { });
        LOG.info("loaded in {} s; waiting for CDC and the projections to catch up", loaded.loadSeconds());
        try {
            double caughtUp = OrderData.awaitReadSide(new Db(write.jdbcUrl(), write.user(), write.password()),
                    new Db(read.jdbcUrl(), read.user(), read.password()), CATCH_UP_TIMEOUT);
            return new Report(orders, loaded.totalRows(), loaded.loadSeconds(), caughtUp);
        } catch (SQLException e) {
            throw new IllegalStateException("checking the read side's progress failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the views to catch up", e);
        }
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
