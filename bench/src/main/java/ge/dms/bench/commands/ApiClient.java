package ge.dms.bench.commands;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/** A blocking JSON client for the command API (and the query API's GETs); called from virtual threads, one request each. */
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
    private final HttpClient http;

    public ApiClient(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
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
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.body(), response.headers().firstValue("ETag").orElse(null));
    }

    /** A GET with a bearer token, e.g. a view on the query API. */
    public Reply get(String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Authorization", "Bearer " + token)
                .GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.body(), response.headers().firstValue("ETag").orElse(null));
    }

    @Override
    public void close() {
        http.close();
    }
}
