package ge.dms.cdc.slot;

import ge.dms.cdc.CdcConfig;
import ge.dms.cdc.errors.PermanentCdcException;
import ge.dms.cdc.startup.Preflight;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches the replication slot: gauges {@code dms.cdc.slot.retained.wal.bytes} and
 * {@code dms.cdc.slot.lag.bytes}, and a lost slot (invalidated, or dropped after it existed)
 * reported once to {@code onLost} so the pipeline stops instead of carrying on with a gap.
 */
public final class SlotMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlotMonitor.class);
    private static final String QUERY = "SELECT active, wal_status, "
            + "pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint, "
            + "pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint "
            + "FROM pg_replication_slots WHERE slot_name = ?";

    private final CdcConfig config;
    private final Consumer<PermanentCdcException> onLost;
    private final ScheduledExecutorService scheduler;
    private volatile SlotState state = SlotState.UNKNOWN;
    private volatile boolean seen;
    private volatile boolean reported;

    public SlotMonitor(CdcConfig config, MeterRegistry registry, Consumer<PermanentCdcException> onLost) {
        this.config = config;
        this.onLost = onLost;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dms-cdc-slot-monitor");
            thread.setDaemon(true);
            return thread;
        });
        Gauge.builder("dms.cdc.slot.retained.wal.bytes", this, m -> m.state.retainedBytes()).baseUnit("bytes")
                .description("WAL PostgreSQL keeps for the slot").register(registry);
        Gauge.builder("dms.cdc.slot.lag.bytes", this, m -> m.state.lagBytes()).baseUnit("bytes")
                .description("WAL written but not yet confirmed by the pipeline").register(registry);
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::checkQuietly, 0, config.slot().checkIntervalMs(), TimeUnit.MILLISECONDS);
    }

    public SlotState state() {
        return state;
    }

    /** Healthy: the slot exists, is not lost, and lags less than {@code cdc.slot.max.lag.bytes}. */
    public boolean healthy() {
        SlotState s = state;
        return s.exists() && !s.lost() && s.lagBytes() < config.slot().maxLagBytes();
    }

    /** Reads the slot now. */
    public SlotState check() throws SQLException {
        try (Connection connection = DriverManager.getConnection(config.connection().jdbcUrl(), config.connection().user(), config.connection().password());
             PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setString(1, config.source().slotName());
            try (ResultSet rows = statement.executeQuery()) {
                SlotState now = rows.next()
                        ? new SlotState(true, rows.getBoolean(1), rows.getString(2), rows.getLong(3), rows.getLong(4))
                        : new SlotState(false, false, "missing", -1, -1);
                state = now;
                return now;
            }
        }
    }

    private void checkQuietly() {
        try {
            SlotState now = check();
            if (now.exists() && !now.lost()) {
                seen = true;
                return;
            }
            if ((now.lost() || seen) && !reported) {
                reported = true;
                PermanentCdcException lost = Preflight.slotLost(config,
                        now.lost() ? "was invalidated (wal_status=lost)" : "was dropped while the pipeline ran");
                LOG.error(lost.getMessage());
                onLost.accept(lost);
            }
        } catch (SQLException e) {
            LOG.warn("could not read replication slot {}: {}", config.source().slotName(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("slot check failed", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
