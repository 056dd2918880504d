package ge.dms.command.openapi;

import ge.dms.command.CommandApi;
import ge.dms.command.support.TestApi;
import ge.dms.command.support.TestApi.Reply;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithDevStack
class ServiceIT {

    @Test
    @SuppressWarnings("unchecked")
    void shouldServeAnOpenApiDocumentOfEveryCommand(TestNamespace ns) {
        try (TestApi t = TestApi.start(ns)) {
            Reply reply = t.send("GET", "/openapi.json", null, null, null);
            assertThat(reply.status()).isEqualTo(200);
            Map<String, Object> document = reply.json();
            Map<String, Object> paths = (Map<String, Object>) document.get("paths");
            assertThat(paths).containsKeys("/api/orders", "/api/orders/{id}/confirm", "/api/orders/{id}/assign-driver",
                    "/api/orders/{id}/cancel", "/api/products", "/api/products/{id}", "/api/restaurants", "/api/drivers/{id}/deactivate");
            Map<String, Object> confirm = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/orders/{id}/confirm")).get("post");
            assertThat((List<Object>) confirm.get("x-roles")).containsExactly("admin");
            assertThat(confirm.get("parameters").toString()).contains("If-Match").contains("Idempotency-Key").contains("X-Request-Id");
            Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
            Map<String, Object> placeOrder = (Map<String, Object>) schemas.get("PlaceOrder");
            assertThat((List<Object>) placeOrder.get("required")).contains("items", "deliveryAddress", "requestedDeliveryAt");
            assertThat(schemas).containsKeys("OrderLine", "OrderResult", "Problem");
        }
    }

    @Test
    void shouldAnswerHealthWithoutAToken(TestNamespace ns) {
        try (TestApi t = TestApi.start(ns)) {
            for (String path : List.of("/health", "/health/liveness", "/health/readiness")) {
                Reply reply = t.send("GET", path, null, null, null);
                assertThat(reply.status()).as(path).isEqualTo(200);
                assertThat(reply.json()).as(path).containsEntry("status", "UP");
            }
        }
    }

    @Test
    void shouldBoundEveryStatementAndLockWait(TestNamespace ns) throws Exception {
        try (TestApi t = TestApi.start(ns);
             var connection = t.api().context().getBean(javax.sql.DataSource.class).getConnection();
             var statement = connection.createStatement()) {
            var settings = statement.executeQuery("select current_setting('statement_timeout'), current_setting('lock_timeout')");
            settings.next();
            assertThat(settings.getString(1)).isEqualTo("5s");
            assertThat(settings.getString(2)).isEqualTo("2s");
        }
    }

    @Test
    void shouldRefuseToStartWithoutASigningSecret(TestNamespace ns) {
        PostgresEndpoint db = ns.writeDatabase();
        Map<String, Object> properties = Map.of("DMS_POSTGRES_URL", db.jdbcUrl(), "DMS_POSTGRES_USER", db.user(),
                "DMS_POSTGRES_PASSWORD", db.password(), "DMS_COMMAND_API_PORT", -1, "DMS_JWT_SECRET", "too-short");
        assertThatThrownBy(() -> CommandApi.start(properties).close()).hasStackTraceContaining("DMS_JWT_SECRET");
    }
}
