package ge.dms.devstack.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A loopback-only control endpoint of a running {@code ./dev up}, so that other {@code ./dev}
 * commands can act on the process tree it owns: {@code POST /rebuild-views}.
 */
final class DevControl implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DevControl.class);

    private final HttpServer server;

    DevControl(Platform platform) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("no loopback port for the dev control endpoint", e);
        }
        server.createContext("/rebuild-views", exchange -> {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "POST only\n");
                return;
            }
            try {
                LOG.info("rebuilding every view from Kafka");
                platform.rebuildViews();
                respond(exchange, 200, "views dropped; projections restarted and rebuilding from Kafka\n");
            } catch (RuntimeException e) {
                LOG.error("view rebuild failed", e);
                respond(exchange, 500, e.getMessage() + "\n");
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
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
