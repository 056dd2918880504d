package ge.dms.command.trace;

import ge.dms.command.support.TestApi;
import ge.dms.command.support.TestApi.Reply;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static ge.dms.command.persistence.jooq.Tables.DRIVERS;
import static ge.dms.command.persistence.jooq.Tables.ORDERS;
import static ge.dms.command.persistence.jooq.Tables.ORDER_STATUS_CHANGES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The correlation id on the real service: echoed on every answer, made up when absent, refused when malformed
 * (and then nothing is written), and stored with the change in the command's transaction: the order row and its
 * status-log row of each command, a driver row of a driver edit.
 */
@WithDevStack
class RequestIdIT {

    @Test
    void shouldWriteTheCallersIdWithEveryChangeOfTheOrder(TestNamespace ns) {
        try (TestApi t = TestApi.start(ns)) {
            long restaurant = t.restaurant("კორელაცია");
            long product = t.product("REQ-1", "ყველი", "kg", "10.00");
            String placing = "place-" + UUID.randomUUID();

            Reply placed = t.post("/api/orders", TestApi.restaurant(restaurant), TestApi.orderBody(product, "1"), RequestId.HEADER, placing);

            assertThat(placed.status()).isEqualTo(201);
            assertThat(placed.header(RequestId.HEADER)).isEqualTo(placing);
            long order = ((Number) placed.json().get("id")).longValue();
            assertThat(t.sql().select(ORDERS.REQUEST_ID).from(ORDERS).where(ORDERS.ID.eq(order)).fetchOne(ORDERS.REQUEST_ID)).isEqualTo(placing);

            Reply confirmed = t.post("/api/orders/" + order + "/confirm", TestApi.admin(), null, "If-Match", "\"1\"", RequestId.HEADER, "confirm-1");

            assertThat(confirmed.status()).isEqualTo(200);
            assertThat(confirmed.header(RequestId.HEADER)).isEqualTo("confirm-1");
            assertThat(t.sql().select(ORDERS.REQUEST_ID).from(ORDERS).where(ORDERS.ID.eq(order)).fetchOne(ORDERS.REQUEST_ID)).isEqualTo("confirm-1");
            assertThat(t.sql().select(ORDER_STATUS_CHANGES.REQUEST_ID).from(ORDER_STATUS_CHANGES)
                    .where(ORDER_STATUS_CHANGES.ORDER_ID.eq(order)).orderBy(ORDER_STATUS_CHANGES.ID).fetch(ORDER_STATUS_CHANGES.REQUEST_ID))
                    .containsExactly(placing, "confirm-1");
        }
    }

    @Test
    void shouldMakeUpAnIdWhenNoneIsSentAndStoreThatOne(TestNamespace ns) {
        try (TestApi t = TestApi.start(ns)) {
            long restaurant = t.restaurant("კორელაცია");
            long product = t.product("REQ-2", "ყველი", "kg", "10.00");

            Reply placed = t.post("/api/orders", TestApi.restaurant(restaurant), TestApi.orderBody(product, "1"));

            String made = placed.header(RequestId.HEADER);
            assertThat(UUID.fromString(made).toString()).isEqualTo(made);
            long order = ((Number) placed.json().get("id")).longValue();
            assertThat(t.sql().select(ORDERS.REQUEST_ID).from(ORDERS).where(ORDERS.ID.eq(order)).fetchOne(ORDERS.REQUEST_ID)).isEqualTo(made);
            assertThat(t.post("/api/orders", null, TestApi.orderBody(product, "1")).header(RequestId.HEADER))
                    .as("a refused (401) request has an id too").isNotBlank();
        }
    }

    @Test
    void shouldRefuseAMalformedIdBeforeWritingAnything(TestNamespace ns) {
        try (TestApi t = TestApi.start(ns)) {
            long restaurant = t.restaurant("კორელაცია");
            long product = t.product("REQ-3", "ყველი", "kg", "10.00");

            for (String bad : List.of("a b", "x".repeat(RequestId.MAX_LENGTH + 1), "a\"b", "<script>")) {
                Reply refused = t.post("/api/orders", TestApi.restaurant(restaurant), TestApi.orderBody(product, "1"), RequestId.HEADER, bad);

                assertThat(refused.status()).as(bad).isEqualTo(400);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                assertThat(refused.json()).containsEntry("type", "https://dms.ge/problems/invalid-request-id");
            }
            assertThat(t.sql().fetchCount(ORDERS)).isZero();
        }
    }

    @Test
    void shouldWriteTheIdOfADriverEditOnTheDriverRow(TestNamespace ns) {
        try (TestApi t = TestApi.start(ns)) {
            long driver = t.driverRow("ნიკო");

            Reply renamed = t.send("PUT", "/api/drivers/" + driver, TestApi.admin(), "application/json",
                    "{\"name\":\"ნიკოლოზი\",\"phone\":\"+995555000111\",\"vehicle\":\"bike\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    RequestId.HEADER, "rename-driver-1");

            assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
            assertThat(t.sql().select(DRIVERS.REQUEST_ID).from(DRIVERS).where(DRIVERS.ID.eq(driver)).fetchOne(DRIVERS.REQUEST_ID))
                    .isEqualTo("rename-driver-1");
        }
    }
}
