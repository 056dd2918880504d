package ge.dms.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.schemas.serde.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The command API as a restaurant, an admin and a driver call it over HTTP. */
final class CommandClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    CommandClient(URI base) {
        this.base = base;
    }

    /** Places an order of one line; returns the answer (id, version, ...). */
    JsonNode place(String restaurantToken, long productId) {
        return send("/api/orders", restaurantToken, null, """
                {"items":[{"productId":%d,"quantity":2}],"deliveryAddress":"თბილისი, ჭავჭავაძის 12",
                 "requestedDeliveryAt":"2030-01-01T10:00:00Z","notes":"მეორე სართული"}""".formatted(productId), 201);
    }

    /** A lifecycle action with If-Match; returns the new version. */
    long act(long orderId, String action, long version, String token, String body) {
        return send("/api/orders/" + orderId + "/" + action, token, version, body == null ? "{}" : body, 200).path("version").asLong();
    }

    /** A lifecycle action with If-Match sent under {@code X-Request-Id: requestId}; returns the whole answer. */
    HttpResponse<String> act(long orderId, String action, long version, String token, String body, String requestId) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/orders/" + orderId + "/" + action))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"" + version + "\"")
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body, StandardCharsets.UTF_8)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(String path, String token, Long version, String body, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (version != null) {
            request.header("If-Match", "\"" + version + "\"");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as("%s -> %s", path, response.body()).isEqualTo(expectedStatus);
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
