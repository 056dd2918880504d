import ge.dms.devstack.infra.DataDirectory;
import ge.dms.devstack.infra.EmbeddedPostgresServer;
import ge.dms.devstack.infra.PostgresEndpoint;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build-time step of read-model (generate-sources, run by exec-maven-plugin as a single-file program):
 * the jOOQ classes are generated from a real PostgreSQL 18 with the read-side migrations applied, not from
 * jOOQ's DDLDatabase. DDLDatabase replays the scripts into an in-memory H2, which cannot parse the trigram
 * operator classes ({@code gin_trgm_ops}) nor index {@code text} columns; the scripts cannot carry
 * {@code [jooq ignore]} comments either, since changing an applied migration changes its Flyway checksum.
 *
 * <p>Skipped when the migrations and this file are unchanged since the last run (a stamp of their hash beside
 * the output), so an ordinary rebuild does not start a database.
 *
 * <p>Arguments: migrations folder, output folder, package name, stamp file, this source file, jOOQ version.
 */
public final class ReadModelCodegen {

    /** Flyway's own table: not part of the model. Same name as ReadSideMigrations.HISTORY_TABLE. */
    private static final String HISTORY_TABLE = "projections_schema_history";

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path output = Path.of(args[1]);
        String packageName = args[2];
        Path stamp = Path.of(args[3]);
        String inputs = inputsHash(migrations, Path.of(args[4]), args[5]);
        if (Files.isDirectory(output) && Files.exists(stamp) && Files.readString(stamp).equals(inputs)) {
            System.out.println("[read-model] jOOQ classes up to date with " + migrations);
            return;
        }
        DataDirectory data = DataDirectory.temporary("read-model-codegen");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data)) {
            PostgresEndpoint db = server.createDatabaseIfMissing("read_model_codegen");
            Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
                    .locations("filesystem:" + migrations.toAbsolutePath())
                    .table(HISTORY_TABLE)
                    .load()
                    .migrate();
            GenerationTool.generate(configuration(db, output, packageName));
        }
        Files.createDirectories(stamp.getParent());
        Files.writeString(stamp, inputs);
        System.out.println("[read-model] jOOQ classes generated into " + output);
    }

    private static Configuration configuration(PostgresEndpoint db, Path output, String packageName) {
        return new Configuration()
                .withJdbc(new Jdbc().withUrl(db.jdbcUrl()).withUser(db.user()).withPassword(db.password()))
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withInputSchema("public")
                                // Unqualified names: the services' search_path decides, as for their SQL before.
                                .withOutputSchemaToDefault(true)
                                .withExcludes(HISTORY_TABLE)
                                // pg_trgm's functions and its gtrgm type: the read code names similarity() and
                                // the % operator through ge.dms.readmodel.Trigram instead.
                                .withIncludeRoutines(false)
                                .withIncludeUDTs(false)
                                .withIncludeDomains(false))
                        .withGenerate(new Generate()
                                .withRecords(true)
                                .withPojos(false)
                                .withJavaTimeTypes(true)
                                .withGlobalObjectReferences(true))
                        .withTarget(new Target()
                                .withPackageName(packageName)
                                .withDirectory(output.toAbsolutePath().toString())
                                .withClean(true)));
    }

    /** SHA-256 over every migration's name and bytes (in name order), this program's source and the jOOQ version. */
    private static String inputsHash(Path migrations, Path self, String jooqVersion) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> files;
            try (Stream<Path> listed = Files.list(migrations)) {
                files = listed.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
            }
            for (Path file : files) {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            digest.update(Files.readAllBytes(self));
            digest.update(jooqVersion.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
