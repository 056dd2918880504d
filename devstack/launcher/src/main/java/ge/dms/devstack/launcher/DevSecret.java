package ge.dms.devstack.launcher;

import ge.dms.devstack.tokens.DevTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The JWT signing secret for local runs: {@code DMS_JWT_SECRET} when set, else a random one
 * generated once into {@code .dev/jwt-secret} (git-ignored, owner-only), so that {@code ./dev up}
 * and {@code ./dev token} agree and tokens survive restarts. Never used in production, where
 * the variable is required.
 */
final class DevSecret {

    static final String VARIABLE = "DMS_JWT_SECRET";

    private DevSecret() {
    }

    static String resolve(Map<String, String> environment, Path projectRoot) {
        String fromEnvironment = environment.get(VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        Path file = projectRoot.resolve(".dev").resolve("jwt-secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(file.getParent());
            String secret = DevTokens.randomSecret();
            Files.writeString(file, secret, StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the dev JWT secret " + file, e);
        }
    }

    /** The repository root: where ./dev runs the launcher from ({@code dms.root}), else the working directory. */
    static Path projectRoot() {
        return Path.of(System.getProperty("dms.root", ".")).toAbsolutePath().normalize();
    }
}
