package ge.dms.bench.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ge.dms.bench.Bench;
import ge.dms.command.CommandApi;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.tokens.DevTokens;
import org.flywaydb.core.Flyway;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** The module's one test fixture: migrated databases, the command API in-process, the CLI run in-process, SQL and JSON helpers. */
public final class TestBench {

    public static final String SECRET = DevTokens.randomSecret();
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestBench() {
    }

    /** Applies command-api's Flyway migrations (db/migration on the class path) to {@code db}. */
    public static void migrate(PostgresEndpoint db) {
        Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).locations("classpath:db/migration").load().migrate();
    }

    public static CommandApi startCommandApi(PostgresEndpoint db) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("DMS_POSTGRES_URL", db.jdbcUrl());
        properties.put("DMS_POSTGRES_USER", db.user());
        properties.put("DMS_POSTGRES_PASSWORD", db.password());
        properties.put("DMS_JWT_SECRET", SECRET);
        properties.put("DMS_COMMAND_API_PORT", -1);
        properties.put("dms.postgres.maximum-pool-size", 4);
        return CommandApi.start(properties);
    }

    /** The secret in a file, as {@code ./dev up} keeps it ({@code --jwt-secret-file}). */
    public static Path secretFile(Path dir) {
        try {
            return Files.writeString(dir.resolve("jwt-secret"), SECRET, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one in-process run of the CLI printed and returned. */
    public record Run(int exitCode, String out, String err) {
    }

    public static Run bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Bench.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    public static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Connection connect(PostgresEndpoint db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    public static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
