package ge.dms.devstack.launcher;

import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.launcher.demo.DemoData;
import ge.dms.devstack.test.SharedInfrastructure;
import ge.dms.devstack.tokens.DevTokens;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The whole platform as {@code ./dev up} runs it (the four services, each its own JVM, logging JSON lines with the
 * {@code ge.dms.trace} lines on, on the
 * shared test servers, with the demo data and a dev control endpoint), started once per test JVM
 * for every IT class that asks for it as a parameter ({@code @ExtendWith(SharedPlatform.Extension.class)}):
 * starting it takes a minute on a small machine, and two copies on one database, one Kafka and
 * one Redis would fight over the replication slot, the topics and the keys. Stopped when the
 * test run ends (JUnit closes what the root store holds).
 */
final class SharedPlatform implements AutoCloseable {

    private final Infrastructure infrastructure;
    private final Platform platform;
    private final DevControl control;
    private final String secret;
    private final Path secretFile;
    private final Path logs;
    private final DemoData.Summary demo;

    private SharedPlatform(Infrastructure infrastructure) throws IOException {
        this.infrastructure = infrastructure;
        this.secret = DevTokens.randomSecret();
        Path state = Files.createTempDirectory("dms-platform-it-");
        this.secretFile = Files.writeString(state.resolve("jwt-secret"), secret);
        this.logs = state.resolve("logs");
        // As production logs (JSON lines), with the per-change trace lines on: CorrelationIT follows one request by them.
        this.platform = Platform.start(infrastructure.endpoints(), secret, DevSecret.projectRoot(), logs, state,
                new Platform.Ports(-1, -1), Platform.Launch.CLASSES, 1,
                Map.of(ServiceProcess.LOG_FORMAT, "json", "DMS_TRACE_LOG_LEVEL", "DEBUG"));
        PostgresEndpoint write = infrastructure.endpoints().writeDatabase();
        this.demo = DemoData.load(write.jdbcUrl(), write.user(), write.password());
        this.control = new DevControl(platform, infrastructure);
    }

    Infrastructure infrastructure() {
        return infrastructure;
    }

    Platform platform() {
        return platform;
    }

    String secret() {
        return secret;
    }

    /** The secret in a file, as {@code ./dev up} keeps it in {@code .dev/jwt-secret}. */
    Path secretFile() {
        return secretFile;
    }

    /** Each service's log file, {@code <name>.log}: JSON lines. */
    Path logs() {
        return logs;
    }

    DemoData.Summary demo() {
        return demo;
    }

    /** What {@code ./dev up} writes as DMS_DEV_CONTROL_URL: rebuild-views over HTTP. */
    URI controlUrl() {
        return control.url();
    }

    @Override
    public void close() {
        control.close();
        platform.close();
    }

    /** Hands out the one {@link SharedPlatform}, starting it on first use. */
    static final class Extension implements ParameterResolver {

        private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(SharedPlatform.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SharedPlatform.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(STORE).computeIfAbsent(SharedPlatform.class, ignored -> {
                try {
                    return new SharedPlatform(SharedInfrastructure.get());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, SharedPlatform.class);
        }
    }
}
