package ge.dms.bench.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * GETs on the query API with a bearer token, keeping the headers the checks read
 * ({@code X-Data-Source}, {@code X-View-Version}); called from virtual threads, one request each.
 */
public final class Http implements AutoCloseable {

    /** An answer: status, body and headers. */
    public record Reply(int status, String body, HttpHeaders headers) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    public Http(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    public Reply get(String pathAndQuery, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(pathAndQuery, token), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.body(), response.headers());
    }

    /** A GET whose body the caller reads as it arrives (large exports), answered as soon as the headers are in. */
    public HttpResponse<InputStream> stream(String pathAndQuery, String token) throws IOException, InterruptedException {
        return http.send(request(pathAndQuery, token), HttpResponse.BodyHandlers.ofInputStream());
    }

    public URI base() {
        return base;
    }

    private HttpRequest request(String pathAndQuery, String token) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(timeout).header("Authorization", "Bearer " + token)
                .GET().build();
    }

    @Override
    public void close() {
        http.close();
    }
}
