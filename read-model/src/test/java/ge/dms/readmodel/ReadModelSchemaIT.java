package ge.dms.readmodel;

import ge.dms.devstack.infra.DataDirectory;
import ge.dms.devstack.infra.EmbeddedPostgresServer;
import ge.dms.devstack.infra.Endpoints;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.readmodel.jooq.DefaultSchema;
import org.jooq.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated jOOQ classes describe exactly what the migrations build: a fresh database is migrated by
 * {@link ReadSideMigrations} (the services' own runner, from the jar's {@code db/readside}) and its catalogue, read
 * back through jOOQ's JDBC meta data, must equal the generated schema table by table, column by column (name, type,
 * nullability), with the same primary keys and indexes. A migration added without the classes being generated
 * again, or classes edited by hand, fails here. Its own PostgreSQL (embedded), or a fresh database on the server
 * {@code DMS_READ_POSTGRES_URL} names.
 */
class ReadModelSchemaIT {

    /**
     * Version, script and checksum of each migration as read sides migrated from the projections' jar recorded them
     * (the scripts moved here as the same git blobs).
     */
    private static final List<String> RECORDED = List.of(
            "1 V1__order_views.sql -501796828",
            "2 V2__analytics.sql 1123861670",
            "3 V3__freshness.sql 782993644",
            "4 V4__analytics_all_orders.sql 1233725732",
            "5 V5__catalogue_parties.sql 95803316",
            "6 V6__history_dispatch.sql -1542862981");

    private static EmbeddedPostgresServer server;
    private static PostgresEndpoint database;

    @BeforeAll
    static void migrateAFreshDatabase() {
        String name = "read_model_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String external = System.getenv(Endpoints.READ_POSTGRES_URL);
        if (external == null || external.isBlank()) {
            server = EmbeddedPostgresServer.start(DataDirectory.temporary("read-model-it"));
            database = server.createDatabaseIfMissing(name);
        } else {
            PostgresEndpoint admin = new PostgresEndpoint(external.strip(),
                    System.getenv().getOrDefault(Endpoints.READ_POSTGRES_USER, "postgres"),
                    System.getenv().getOrDefault(Endpoints.READ_POSTGRES_PASSWORD, ""));
            database = EmbeddedPostgresServer.createDatabaseIfMissing(admin.withDatabase("postgres"), name);
        }
        ReadSideMigrations.apply(database.jdbcUrl(), database.user(), database.password());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldGenerateEveryTableTheMigrationsCreate() throws Exception {
        assertThat(describe(generated()).keySet()).containsExactlyInAnyOrderElementsOf(live(ReadModelSchemaIT::describe).keySet());
    }

    @Test
    void shouldGenerateEveryColumnWithItsTypeAndNullability() throws Exception {
        Map<String, String> live = live(ReadModelSchemaIT::describe);
        describe(generated()).forEach((table, columns) -> assertThat(columns).as(table).isEqualTo(live.get(table)));
    }

    @Test
    void shouldGenerateThePrimaryKeysAndIndexes() throws Exception {
        assertThat(keysAndIndexes(generated())).isEqualTo(live(ReadModelSchemaIT::keysAndIndexes));
    }

    /**
     * An applied migration never changes: a read side migrated while the scripts were the projections' recorded these
     * versions and checksums, and Flyway refuses to start on a database whose history disagrees with the scripts.
     */
    @Test
    void shouldKeepTheVersionsAndChecksumsAnExistingReadSideRecorded() throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            List<String> history = ReadSideSql.using(c)
                    .resultQuery("SELECT version || ' ' || script || ' ' || checksum FROM " + ReadSideMigrations.HISTORY_TABLE
                            + " ORDER BY installed_rank")
                    .fetch(0, String.class);
            assertThat(history).containsExactlyElementsOf(RECORDED);
        }
    }

    private static List<Table<?>> generated() {
        return List.<Table<?>>copyOf(DefaultSchema.DEFAULT_SCHEMA.getTables());
    }

    /** What {@code read} takes from the live catalogue's tables in {@code public}, less Flyway's history. */
    private static <T> T live(Function<List<Table<?>>, T> read) throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            // jOOQ's meta data reads the catalogue lazily: everything is read while the connection is open.
            List<Table<?>> tables = ReadSideSql.using(c).meta().getSchemas("public").getFirst().getTables().stream()
                    .filter(t -> !t.getName().equals(ReadSideMigrations.HISTORY_TABLE))
                    .<Table<?>>map(t -> t)
                    .toList();
            return read.apply(tables);
        }
    }

    /** Table name → its columns in order, {@code name type [not null]}, one per line. */
    private static Map<String, String> describe(List<Table<?>> tables) {
        return tables.stream().collect(Collectors.toMap(Table::getName, t -> java.util.Arrays.stream(t.fields())
                .map(f -> f.getName() + " " + f.getDataType().getSQLDataType().getTypeName()
                        + (f.getDataType().nullable() ? "" : " not null"))
                .collect(Collectors.joining("\n"))));
    }

    /** Table name → its primary key's columns and its index names. */
    private static Map<String, String> keysAndIndexes(List<Table<?>> tables) {
        return tables.stream().collect(Collectors.toMap(Table::getName, t -> "pk " + (t.getPrimaryKey() == null ? "none"
                : t.getPrimaryKey().getFields().stream().map(f -> f.getName()).collect(Collectors.joining(", ")))
                + "; indexes " + t.getIndexes().stream().map(i -> i.getName()).sorted().collect(Collectors.joining(", "))));
    }

}
