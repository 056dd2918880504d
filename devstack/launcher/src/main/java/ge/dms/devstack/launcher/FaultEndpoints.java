package ge.dms.devstack.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import ge.dms.devstack.infra.Endpoints;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.launcher.check.ViewCheck;
import ge.dms.schemas.view.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fault and check endpoints of {@link DevControl} (loopback only), for {@code ./dev bench faults}:
 * <ul>
 * <li>{@code POST /fault/kill?service=command-api&seconds=5}: {@code kill -9}, down that long, started again, healthy;</li>
 * <li>{@code POST /fault/restart-server?server=postgres|kafka|redis|redis-empty|read-postgres&seconds=5}: stopped that
 * long, started again on the same port with the same data ({@code redis-empty}: without its data);</li>
 * <li>{@code POST /fault/pause?server=redis&seconds=10}: {@code SIGSTOP}, then {@code SIGCONT};</li>
 * <li>{@code GET /check-views}: what {@code ./dev check-views} finds, {@code {"drift":n,"examples":[..]}}.</li>
 * </ul>
 * Each fault answers once it is over, {@code {"fault":..,"target":..,"injectedAtMs":..,"liftedAtMs":..,"recoveredAtMs":..}}.
 */
final class FaultEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(FaultEndpoints.class);
    private static final int EXAMPLES = 5;

    /** One fault's HTTP handling: its parameters in, its outcome out. */
    @FunctionalInterface
    private interface Fault {
        Faults.Outcome inject(Map<String, String> parameters) throws Exception;
    }

    private FaultEndpoints() {
    }

    static void register(HttpServer server, Faults faults, Endpoints endpoints) {
        server.createContext("/fault/kill", exchange -> handle(exchange, p -> faults.kill(required(p, "service"), window(p))));
        server.createContext("/fault/restart-server", exchange -> handle(exchange,
                p -> faults.restartServer(required(p, "server"), window(p))));
        server.createContext("/fault/pause", exchange -> handle(exchange, p -> faults.pause(required(p, "server"), window(p))));
        server.createContext("/check-views", exchange -> checkViews(exchange, endpoints));
    }

    private static void handle(HttpExchange exchange, Fault fault) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            DevControl.respond(exchange, 405, "POST only\n");
            return;
        }
        try {
            DevControl.respondJson(exchange, 200, fault.inject(parameters(exchange.getRequestURI().getRawQuery())).json());
        } catch (IllegalArgumentException e) {
            DevControl.respond(exchange, 400, e.getMessage() + "\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            DevControl.respond(exchange, 503, "interrupted\n");
        } catch (Exception e) {
            LOG.error("fault {} failed", exchange.getRequestURI(), e);
            DevControl.respond(exchange, 500, e + "\n");
        }
    }

    private static void checkViews(HttpExchange exchange, Endpoints endpoints) throws IOException {
        try {
            PostgresEndpoint write = endpoints.writeDatabase();
            PostgresEndpoint read = endpoints.readDatabase();
            List<ViewCheck.Drift> drift = ViewCheck.check(new ViewCheck.Database(write.jdbcUrl(), write.user(), write.password()),
                    new ViewCheck.Database(read.jdbcUrl(), read.user(), read.password()), endpoints.redisUrl(),
                    new RedisKeys(Platform.REDIS_KEY_PREFIX));
            DevControl.respondJson(exchange, 200, driftJson(drift));
        } catch (Exception e) {
            LOG.error("check-views failed", e);
            DevControl.respond(exchange, 500, e + "\n");
        }
    }

    /** {@code {"drift":n,"examples":["<subject> in <where>: write side <x>, view <y>",..]}}, the first few. */
    static String driftJson(List<ViewCheck.Drift> drift) {
        String examples = drift.stream().limit(EXAMPLES)
                .map(d -> DevControl.quoted(d.subject() + " in " + d.where() + ": write side " + d.expected() + ", view " + d.actual()))
                .collect(Collectors.joining(","));
        return "{\"drift\":" + drift.size() + ",\"examples\":[" + examples + "]}\n";
    }

    static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        for (String parameter : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            int equals = parameter.indexOf('=');
            if (equals > 0) {
                parameters.put(URLDecoder.decode(parameter.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("name the " + name + ", e.g. ?" + name + "=" + (name.equals("service") ? "projections" : "redis"));
        }
        return value.strip();
    }

    /** {@code seconds} (decimals allowed), 10 s when not given. */
    static Duration window(Map<String, String> parameters) {
        String seconds = parameters.getOrDefault("seconds", "10");
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seconds must be a number, got '" + seconds + "'");
        }
    }
}
