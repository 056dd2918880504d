package ge.dms.bench.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ge.dms.bench.platform.Db;
import ge.dms.bench.platform.Http;
import ge.dms.bench.support.TestBench;
import ge.dms.devstack.tokens.DevTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The baseline server as the bench starts it ({@link BaselineProcess}: its own JVM), over HTTP: the token check and
 * bad input are answered with problem bodies before any query, so no database is needed (the pool points nowhere).
 * Not {@code @MicronautTest}: this module's test class path carries the command API's beans and its Micronaut Security,
 * which the baseline's context must not load; the child gets the class path without them, as {@code ./dev bench}
 * gives it the runtime one.
 */
class BaselineServerTest {

    private static final String SECRET = DevTokens.randomSecret();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static BaselineProcess baseline;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        baseline = BaselineProcess.start(TestBench.classPathWithoutCommandApi(), new Db("jdbc:postgresql://127.0.0.1:9/none", "dms", ""), SECRET, 1,
                Duration.ofSeconds(60));
        http = new Http(baseline.url(), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.close();
        }
        if (baseline != null) {
            baseline.close();
        }
    }

    @Test
    void shouldRefuseARequestWithoutAValidTokenWith401ProblemJson() throws Exception {
        String otherSecret = DevTokens.mint(DevTokens.randomSecret(), "admin", null);
        for (String path : new String[] {"/api/restaurants/7/orders?limit=50", "/api/orders/45", "/api/analytics/kpis"}) {
            for (String token : new String[] {otherSecret, "not.a.token", ""}) {
                Http.Reply reply = http.get(path, token);

                assertThat(reply.status()).as(path + " with " + token).isEqualTo(401);
                assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
                assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
                JsonNode problem = JSON.readTree(reply.body());
                assertThat(problem.path("type").asText()).isEqualTo("https://dms.ge/problems/unauthorized");
                assertThat(problem.path("status").asInt()).isEqualTo(401);
            }
        }
    }

    @Test
    void shouldAnswerBadParametersWith400ProblemsNamingThem() throws Exception {
        String admin = DevTokens.mint(SECRET, "admin", null);

        assertProblem(http.get("/api/restaurants/7/orders?status=lost", admin), 400, "status");
        assertProblem(http.get("/api/restaurants/7/orders?cursor=garbage", admin), 400, "cursor");
        assertProblem(http.get("/api/restaurants/7/orders?limit=abc", admin), 400, "limit");
        assertProblem(http.get("/api/analytics/kpis?from=2026-13-01", admin), 400, "from");
    }

    @Test
    void shouldRefuseAnotherPartysBoardWith403() throws Exception {
        Http.Reply reply = http.get("/api/restaurants/7/orders", DevTokens.mint(SECRET, "restaurant", 8L));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(JSON.readTree(reply.body()).path("type").asText()).isEqualTo("https://dms.ge/problems/forbidden");
    }

    @Test
    void shouldAnswerAnUnknownPathWithAProblemNotAnError() throws Exception {
        Http.Reply reply = http.get("/api/orders/not-a-number", DevTokens.mint(SECRET, "admin", null));

        assertThat(reply.status()).isBetween(400, 499);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    private static void assertProblem(Http.Reply reply, int status, String field) throws Exception {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(reply.body());
        assertThat(problem.path("type").asText()).isEqualTo("https://dms.ge/problems/invalid-parameter");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(field);
    }
}
