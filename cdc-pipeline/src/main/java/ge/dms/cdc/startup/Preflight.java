package ge.dms.cdc.startup;

import ge.dms.cdc.CdcConfig;
import ge.dms.cdc.errors.CdcErrors;
import ge.dms.cdc.errors.PermanentCdcException;
import ge.dms.schemas.CdcTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks, before the engine starts, what Debezium would otherwise get wrong quietly or report
 * obscurely: credentials, {@code wal_level}, the publication and its tables, and whether the
 * replication slot still exists when offsets say we streamed before (a lost slot means lost
 * changes; re-snapshotting silently would hide that).
 */
public final class Preflight {

    private static final Logger LOG = LoggerFactory.getLogger(Preflight.class);

    private Preflight() {
    }

    /** @param offsetsExist whether the offsets topic holds an offset for this pipeline */
    public static void check(CdcConfig config, boolean offsetsExist) {
        try (Connection connection = DriverManager.getConnection(config.connection().jdbcUrl(), config.connection().user(), config.connection().password())) {
            checkWalLevel(connection);
            checkPublication(connection, config);
            checkSlot(connection, config, offsetsExist);
            warnAboutReplicaIdentity(connection);
        } catch (SQLException e) {
            String message = CdcErrors.explainSql(e, config.connection().user(), config.connection().jdbcUrl());
            if (e.getSQLState() != null && CdcErrors.isRetriableSqlState(e.getSQLState())) {
                throw new IllegalStateException(message, e);
            }
            throw new PermanentCdcException(message, e);
        }
    }

    private static void checkWalLevel(Connection connection) throws SQLException {
        String walLevel = single(connection, "SHOW wal_level", null);
        if (!"logical".equals(walLevel)) {
            throw new PermanentCdcException("PostgreSQL runs with wal_level=" + walLevel
                    + ": logical decoding needs wal_level=logical (postgresql.conf, then restart PostgreSQL)");
        }
    }

    private static void checkPublication(Connection connection, CdcConfig config) throws SQLException {
        String publication = config.source().publicationName();
        if (single(connection, "SELECT pubname FROM pg_publication WHERE pubname = ?", publication) == null) {
            throw new PermanentCdcException("publication \"" + publication + "\" does not exist in database "
                    + connection.getCatalog() + ": the write-side migrations (command-api) create it; run them, or "
                    + "CREATE PUBLICATION " + publication + " FOR TABLE " + qualified(CdcTopics.CAPTURED_TABLES)
                    + ", then start cdc-pipeline again");
        }
        Set<String> published = new TreeSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT tablename FROM pg_publication_tables WHERE pubname = ? AND schemaname = 'public'")) {
            statement.setString(1, publication);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    published.add(rows.getString(1));
                }
            }
        }
        List<String> missing = new ArrayList<>(CdcTopics.CAPTURED_TABLES);
        missing.removeAll(published);
        if (!missing.isEmpty()) {
            throw new PermanentCdcException("publication \"" + publication + "\" does not include " + qualified(missing)
                    + ": their changes would never be captured; ALTER PUBLICATION " + publication + " ADD TABLE "
                    + qualified(missing));
        }
    }

    private static void checkSlot(Connection connection, CdcConfig config, boolean offsetsExist) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT database, plugin, wal_status FROM pg_replication_slots WHERE slot_name = ?")) {
            statement.setString(1, config.source().slotName());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    if (offsetsExist) {
                        throw slotLost(config, "does not exist any more");
                    }
                    LOG.info("replication slot {} does not exist yet: it is created now and a snapshot is taken", config.source().slotName());
                    return;
                }
                String database = rows.getString(1);
                String walStatus = rows.getString(3);
                if (!connection.getCatalog().equals(database)) {
                    throw new PermanentCdcException("replication slot " + config.source().slotName() + " belongs to database " + database
                            + ", not " + connection.getCatalog() + ": choose another cdc.slot.name");
                }
                if ("lost".equals(walStatus)) {
                    throw slotLost(config, "was invalidated (wal_status=lost): PostgreSQL removed WAL it still needed");
                }
                if (!offsetsExist) {
                    LOG.warn("replication slot {} exists but offsets topic {} has no offset for {}: a new snapshot is taken",
                            config.source().slotName(), config.offsetTopicName(), config.source().name());
                }
            }
        }
    }

    /** The message a lost slot deserves: changes are gone, and only a deliberate re-snapshot repairs that. */
    public static PermanentCdcException slotLost(CdcConfig config, String what) {
        return new PermanentCdcException("replication slot " + config.source().slotName() + " " + what
                + ", so changes committed since the last stored offset are lost for this pipeline. Not re-snapshotting "
                + "silently: to start over deliberately, delete this pipeline's offsets (topic " + config.offsetTopicName()
                + ", or choose a new cdc.name), drop the slot if it is still listed, and start again; consumers then "
                + "receive a fresh snapshot");
    }

    private static void warnAboutReplicaIdentity(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname = 'public' AND c.relname = ANY (?) AND c.relreplident <> 'f'")) {
            statement.setArray(1, connection.createArrayOf("text", CdcTopics.CAPTURED_TABLES.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    // Informational: the write side keeps insert-only and short-row tables on DEFAULT on purpose
                    // (see command-api's V2 migration); a table that needs FULL and lacks it shows up here.
                    LOG.info("table {} is not REPLICA IDENTITY FULL: its update/delete events carry only the key as before "
                            + "image, and unchanged TOASTed values (> ~2 KB) are missing from its updates", rows.getString(1));
                }
            }
        }
    }

    private static String single(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static String qualified(List<String> tables) {
        return String.join(", ", tables.stream().map(t -> "public." + t).toList());
    }
}
