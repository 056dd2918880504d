package ge.dms.cdc;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /health} and {@code /health/readiness} (200 UP or 503 DOWN, JSON), {@code /health/liveness}
 * and {@code GET /metrics} (Prometheus' text format) on the JDK's HTTP server.
 */
final class HealthServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthServer.class);

    private final HttpServer server;

    HealthServer(int port, CdcPipeline pipeline, PrometheusMeterRegistry registry) {
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cdc.health.port " + port + " is not free", e);
        }
        // Readiness (and /health): the engine streams and the slot is healthy. Liveness: the process
        // answers; a stopped engine ends the process itself, so there is nothing for a restart to fix.
        server.createContext("/health/liveness", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/health", exchange -> {
            CdcPipeline.Health health = pipeline.health();
            respond(exchange, health.up() ? 200 : 503, health.toJson());
        });
        server.createContext("/metrics", exchange -> respond(exchange, 200, registry.scrape()));
        server.start();
        LOG.info("health on http://localhost:{}/health", port());
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 && body.startsWith("{") || status == 503
                ? "application/json" : "text/plain; version=0.0.4; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
