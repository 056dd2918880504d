package ge.dms.projection.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /health} (and {@code /health/readiness}): 200 while every Streams topology is
 * RUNNING, 503 otherwise (rebalancing, restoring, failed); {@code /health/liveness}: 200 while
 * the process serves; {@code GET /metrics}: Prometheus' text format. The JDK's HTTP server: this
 * service has no web framework to lean on.
 */
public final class HealthServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthServer.class);

    private final HttpServer server;

    public HealthServer(int port, BooleanSupplier running) {
        this(port, running, () -> "");
    }

    /** As above, with {@code GET /metrics} answering {@code metrics} (Prometheus' text format). */
    public HealthServer(int port, BooleanSupplier running, Supplier<String> metrics) {
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("DMS_PROJECTIONS_HEALTH_PORT " + port + " is not free", e);
        }
        server.createContext("/health/liveness", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/health", exchange -> {
            boolean up = running.getAsBoolean();
            respond(exchange, up ? 200 : 503, up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\",\"reason\":\"streams not RUNNING\"}");
        });
        server.createContext("/metrics", exchange -> respond(exchange, 200, metrics.get(), "text/plain; version=0.0.4; charset=utf-8"));
        server.start();
        LOG.info("health on http://localhost:{}/health", port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        respond(exchange, status, json, "application/json");
    }

    private static void respond(HttpExchange exchange, int status, String text, String contentType) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
