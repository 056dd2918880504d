package ge.dms.bench.cli;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command API to drive and the secret to sign its tokens with: {@code DMS_JWT_SECRET} when
 * set, else the file {@code ./dev up} keeps it in ({@code .dev/jwt-secret} under the project root).
 */
public final class ApiOptions {

    @Option(names = "--command-api", defaultValue = "${env:DMS_COMMAND_API_URL:-http://localhost:8081}",
            description = "base URL of the command API (default: ${DEFAULT-VALUE})")
    String commandApi;

    @Option(names = "--jwt-secret-file", description = "file holding the HS256 secret when DMS_JWT_SECRET is not set "
            + "(default: .dev/jwt-secret under the project root)")
    Path secretFile;

    public URI commandApi() {
        String base = commandApi.endsWith("/") ? commandApi.substring(0, commandApi.length() - 1) : commandApi;
        return URI.create(base);
    }

    public String jwtSecret() {
        String fromEnvironment = System.getenv("DMS_JWT_SECRET");
        if (secretFile == null && fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        Path file = secretFile != null ? secretFile
                : Path.of(System.getProperty("dms.root", ".")).resolve(".dev").resolve("jwt-secret");
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no JWT secret: set DMS_JWT_SECRET or pass --jwt-secret-file (tried " + file + ")", e);
        }
    }
}
