package ge.dms.bench.commands;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A blocking JSON client for the command API (and the query API's GETs); called from virtual threads, one request each.
 * At high rates it spreads requests over several JDK HTTP clients: each has a single selector thread for all of its
 * connections, which would otherwise become the client's own bottleneck.
 */
public final class ApiClient implements AutoCloseable {

    /** An answer: status, body, and the headers the workload needs. */
    public record Reply(int status, String body, String etag) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The version in the ETag ({@code "3"}), or -1. */
        public int version() {
            return etag == null ? -1 : Integer.parseInt(etag.replace("\"", "").strip());
        }
    }

    private final URI base;
    private final Duration timeout;
    private final HttpClient[] clients;
    private final AtomicInteger next = new AtomicInteger();

    public ApiClient(URI base, Duration timeout) {
        this(base, timeout, 1);
    }

    /** With {@code httpClients} JDK clients taken in turn (at least one). */
    public ApiClient(URI base, Duration timeout, int httpClients) {
        this.base = base;
        this.timeout = timeout;
        this.clients = new HttpClient[Math.max(1, httpClients)];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        }
    }

    private HttpClient http() {
        return clients[Math.floorMod(next.getAndIncrement(), clients.length)];
    }

    public Reply post(String path, String token, String json, String ifMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = http().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.body(), response.headers().firstValue("ETag").orElse(null));
    }

    /** A PUT of a JSON body, e.g. replacing a driver. */
    public Reply put(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.body(), response.headers().firstValue("ETag").orElse(null));
    }

    /** A GET with a bearer token, e.g. a view on the query API. */
    public Reply get(String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Authorization", "Bearer " + token)
                .GET().build();
        HttpResponse<String> response = http().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.body(), response.headers().firstValue("ETag").orElse(null));
    }

    @Override
    public void close() {
        for (HttpClient http : clients) {
            http.close();
        }
    }
}
