package ge.dms.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.schemas.serde.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The query API as a dashboard calls it. */
final class QueryClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    QueryClient(URI base) {
        this.base = base;
    }

    JsonNode get(String pathAndQuery, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("%s -> %s", pathAndQuery, response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    /** The {@code X-Data-Source} of a 200 answer: which store served it. */
    String source(String pathAndQuery, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("%s -> %s", pathAndQuery, response.body()).isEqualTo(200);
        return response.headers().firstValue("X-Data-Source").orElse("");
    }
}
