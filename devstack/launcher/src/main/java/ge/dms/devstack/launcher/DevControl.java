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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A loopback-only control endpoint of a running {@code ./dev up}, so that other {@code ./dev}
 * commands (and the bench) can act on the process tree it owns: {@code POST /rebuild-views}, and
 * {@code POST /restart?services=projections,query-api}, which stops the named services and starts
 * them again with the same settings and ports, answering once each is healthy (a cold start to measure); with the
 * servers at hand, also the faults and {@code GET /check-views} of {@link FaultEndpoints}.
 */
final class DevControl implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DevControl.class);

    private final HttpServer server;

    DevControl(Platform platform) {
        this(platform, null);
    }

    /** With the fault and check endpoints ({@link FaultEndpoints}) on {@code infrastructure}'s servers, when given. */
    DevControl(Platform platform, ge.dms.devstack.infra.Infrastructure infrastructure) {
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
        server.createContext("/restart", exchange -> {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "POST only\n");
                return;
            }
            try {
                List<String> names = services(exchange.getRequestURI().getRawQuery());
                LOG.info("restarting {}", names);
                long start = System.nanoTime();
                Map<String, URI> health = platform.restart(names);
                respondJson(exchange, 200, restarted(health, (System.nanoTime() - start) / 1e9));
            } catch (IllegalArgumentException e) {
                respond(exchange, 400, e.getMessage() + "\n");
            } catch (RuntimeException e) {
                LOG.error("restart failed", e);
                respond(exchange, 500, e.getMessage() + "\n");
            }
        });
        // A thread per request: a fault blocks its request for its whole window, and a restart for a minute.
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        if (infrastructure != null) {
            FaultEndpoints.register(server, new Faults(platform, infrastructure), infrastructure.endpoints());
        }
        server.start();
    }

    /** The services named by {@code services=a,b} in a raw query string. */
    static List<String> services(String rawQuery) {
        List<String> names = new ArrayList<>();
        for (String parameter : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            int equals = parameter.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? parameter : parameter.substring(0, equals), StandardCharsets.UTF_8);
            if (equals > 0 && name.equals("services")) {
                for (String service : URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8).split(",")) {
                    if (!service.isBlank() && !names.contains(service.strip())) {
                        names.add(service.strip());
                    }
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("name the services to restart, e.g. /restart?services=projections,query-api");
        }
        return names;
    }

    /** {@code {"restarted":[..],"seconds":..,"health":{"<service>":"<url>",..}}}, what the bench reads back. */
    static String restarted(Map<String, URI> health, double seconds) {
        String names = health.keySet().stream().map(DevControl::quoted).collect(Collectors.joining(","));
        String urls = health.entrySet().stream().map(e -> quoted(e.getKey()) + ":" + quoted(e.getValue().toString()))
                .collect(Collectors.joining(","));
        return "{\"restarted\":[" + names + "],\"seconds\":" + Math.round(seconds * 1000) / 1000.0 + ",\"health\":{" + urls + "}}\n";
    }

    static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    static void respondJson(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, json, "application/json");
    }

    static void respond(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, text, "text/plain; charset=utf-8");
    }

    private static void send(HttpExchange exchange, int status, String text, String contentType) throws IOException {
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
