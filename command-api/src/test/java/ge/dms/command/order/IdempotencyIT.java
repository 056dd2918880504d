package ge.dms.command.order;

import ge.dms.command.support.TestApi;
import ge.dms.command.support.TestApi.Reply;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static ge.dms.command.persistence.jooq.Tables.ORDERS;
import static ge.dms.command.persistence.jooq.Tables.ORDER_STATUS_CHANGES;
import static org.assertj.core.api.Assertions.assertThat;

@WithDevStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyIT {

    private TestApi t;
    private long restaurant;
    private long other;
    private long product;

    @BeforeAll
    void start(TestNamespace ns) {
        t = TestApi.start(ns);
        restaurant = t.restaurant("ზღვისპირა ხინკალი");
        other = t.restaurant("იმერული ეზო");
        product = t.product("FLOUR-1", "ხორბლის ფქვილი", "kg", "1.90");
    }

    @AfterAll
    void stop() {
        t.close();
    }

    private int orders(long restaurantId) {
        return t.sql().fetchCount(ORDERS, ORDERS.RESTAURANT_ID.eq(restaurantId));
    }

    @Test
    void shouldReplayARetryWithoutWritingAgain() {
        int before = orders(restaurant);
        String body = TestApi.orderBody(product, "10");
        Reply first = t.post("/api/orders", TestApi.restaurant(restaurant), body, "Idempotency-Key", "retry-1");
        Reply retry = t.post("/api/orders", TestApi.restaurant(restaurant), body, "Idempotency-Key", "retry-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("DMS-Write-Token")).isEqualTo(first.header("DMS-Write-Token"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(orders(restaurant)).isEqualTo(before + 1);
    }

    @Test
    void shouldRefuseTheSameKeyWithADifferentBody() {
        t.post("/api/orders", TestApi.restaurant(restaurant), TestApi.orderBody(product, "1"), "Idempotency-Key", "reuse-1");
        int before = orders(restaurant);
        Reply reused = t.post("/api/orders", TestApi.restaurant(restaurant), TestApi.orderBody(product, "2"), "Idempotency-Key", "reuse-1");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json()).containsEntry("type", "https://dms.ge/problems/idempotency-key-reused");
        assertThat(orders(restaurant)).isEqualTo(before);
    }

    @Test
    void shouldKeepKeysOfDifferentCallersApart() {
        String body = TestApi.orderBody(product, "3");
        Reply mine = t.post("/api/orders", TestApi.restaurant(restaurant), body, "Idempotency-Key", "shared-key");
        Reply theirs = t.post("/api/orders", TestApi.restaurant(other), body, "Idempotency-Key", "shared-key");
        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.json().get("id")).isNotEqualTo(mine.json().get("id"));
        assertThat(theirs.json()).containsEntry("restaurantId", (int) other);
    }

    @Test
    void shouldReplayATransitionInsteadOfReportingAStaleVersion() {
        long id = ((Number) t.placeOrder(restaurant, product).get("id")).longValue();
        Reply first = t.post("/api/orders/" + id + "/confirm", TestApi.admin(), null, "If-Match", "1", "Idempotency-Key", "confirm-" + id);
        Reply retry = t.post("/api/orders/" + id + "/confirm", TestApi.admin(), null, "If-Match", "1", "Idempotency-Key", "confirm-" + id);
        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("ETag")).isEqualTo("\"2\"");
        assertThat(t.sql().fetchCount(ORDER_STATUS_CHANGES, ORDER_STATUS_CHANGES.ORDER_ID.eq(id))).isEqualTo(2);
    }

    @Test
    void shouldWriteOnceWhenTwoRequestsWithOneKeyRace() throws Exception {
        int before = orders(restaurant);
        String body = TestApi.orderBody(product, "4");
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            CyclicBarrier together = new CyclicBarrier(2);
            var a = CompletableFuture.supplyAsync(() -> send(together, body), pool);
            var b = CompletableFuture.supplyAsync(() -> send(together, body), pool);
            List<Reply> replies = List.of(a.get(), b.get());
            assertThat(replies).extracting(Reply::status).containsExactly(201, 201);
            assertThat(replies.get(0).json().get("id")).isEqualTo(replies.get(1).json().get("id"));
        }
        assertThat(orders(restaurant)).isEqualTo(before + 1);
    }

    private Reply send(CyclicBarrier together, String body) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return t.post("/api/orders", TestApi.restaurant(restaurant), body, "Idempotency-Key", "race-1");
    }
}
