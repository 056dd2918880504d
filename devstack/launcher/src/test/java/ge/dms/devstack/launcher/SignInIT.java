package ge.dms.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.devstack.launcher.demo.DemoAccounts;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.schemas.serde.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sign-in on the whole platform: a demo account's token works on both APIs; after sign-out the
 * command API refuses it at once and the query API (which learns of it through CDC, Kafka, the
 * projections and Redis) within a bounded wait, and the driver's open live feed is closed.
 */
@WithDevStack
@ExtendWith(SharedPlatform.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInIT {

    private static final Duration REVOCATION = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Platform platform;
    private long restaurantId;
    private long driverId;

    @BeforeAll
    void start(SharedPlatform shared) {
        platform = shared.platform();
        restaurantId = shared.demo().restaurantIds().getFirst();
        driverId = shared.demo().driverIds().getFirst();
    }

    private HttpResponse<String> send(URI base, String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode signIn(String role) throws Exception {
        DemoAccounts.Account account = DemoAccounts.ACCOUNTS_BY_ROLE.stream().filter(a -> a.role().equals(role)).findFirst().orElseThrow();
        HttpResponse<String> reply = send(platform.commandApi(), "POST", "/api/session", null,
                "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(account.username(), account.password()));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return Json.mapper().readTree(reply.body());
    }

    private int board(String token) throws Exception {
        return send(platform.queryApi(), "GET", "/api/restaurants/" + restaurantId + "/orders", token, null).statusCode();
    }

    /** A request the command API authenticates before it reads the (empty) body: 400 when signed in, 401 when not. */
    private int command(String token) throws Exception {
        return send(platform.commandApi(), "POST", "/api/orders", token, "{}").statusCode();
    }

    @Test
    void shouldSignInAsTheDemoRestaurantAndBeRefusedByBothApisAfterSigningOut() throws Exception {
        JsonNode session = signIn("restaurant");
        assertThat(session.path("partyId").asLong()).isEqualTo(restaurantId);
        String token = session.path("accessToken").asText();
        assertThat(board(token)).isEqualTo(200);
        assertThat(command(token)).isEqualTo(400);

        JsonNode refreshed = Json.mapper().readTree(send(platform.commandApi(), "POST", "/api/session/refresh", null,
                "{\"refreshToken\":\"" + session.path("refreshToken").asText() + "\"}").body());
        String current = refreshed.path("accessToken").asText();
        assertThat(board(current)).isEqualTo(200);

        assertThat(send(platform.commandApi(), "DELETE", "/api/session", current, null).statusCode()).isEqualTo(204);
        assertThat(command(current)).as("command-api refuses at once").isEqualTo(401);
        assertThat(command(token)).as("every token of the session").isEqualTo(401);
        await().atMost(REVOCATION).until(() -> board(current) == 401 && board(token) == 401);
        assertThat(board(signIn("restaurant").path("accessToken").asText())).as("a new session").isEqualTo(200);
    }

    @Test
    void shouldCloseTheLiveFeedOfASignedOutDriver() throws Exception {
        String token = signIn("driver").path("accessToken").asText();
        try (LiveSocket socket = LiveSocket.open(platform.queryApi(), driverId, token, null, REVOCATION)) {
            assertThat(send(platform.commandApi(), "DELETE", "/api/session", token, null).statusCode()).isEqualTo(204);
            await().atMost(REVOCATION).until(() -> socket.messages().stream()
                    .anyMatch(m -> m.path("type").asText().equals("closing") && m.path("reason").asText().contains("session revoked")));
        }
    }
}
