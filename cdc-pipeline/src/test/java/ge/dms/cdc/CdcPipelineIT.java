package ge.dms.cdc;

import ge.dms.cdc.errors.PermanentCdcException;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.cdc.Op;
import ge.dms.schemas.cdc.TransactionEvent;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The pipeline on real PostgreSQL and Kafka: what arrives, in which order, with which images. */
@WithDevStack
class CdcPipelineIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void shouldPublishInsertsUpdatesAndDeletesOfEveryCapturedTableInCommitOrderPerKey(TestNamespace ns) throws Exception {
        try (CdcFixture db = CdcFixture.create(ns); CdcPipeline pipeline = db.start(); ChangeCollector kafka = db.collector()) {
            db.sql("INSERT INTO restaurants (id, name, city) VALUES (1, 'სასადილო', 'თბილისი')");
            db.sql("INSERT INTO drivers (id, name, vehicle) VALUES (1, 'Giorgi', 'van')");
            db.sql("INSERT INTO products (id, sku, name, unit, price) VALUES (1, 'DAIRY-1', 'სულგუნი', 'kg', 18.90)");
            db.sql("INSERT INTO orders (id, reference, restaurant_id, status, delivery_address, total_amount, item_count, version, "
                    + "created_at, requested_delivery_at) VALUES (1, 'ORD-2026-000001', 1, 'pending', 'Rustaveli 1', 37.80, 1, 1, "
                    + "'2026-11-22 08:15:00.123456+00', '2026-11-22 12:00:00+04')");
            db.sql("INSERT INTO order_items (id, order_id, product_id, product_name, unit_price, quantity, line_total) "
                    + "VALUES (1, 1, 1, 'სულგუნი', 18.90, 2, 37.80)");
            db.sql("INSERT INTO order_status_changes (id, order_id, from_status, to_status, actor_role, actor_id) "
                    + "VALUES (1, 1, NULL, 'pending', 'restaurant', 1)");
            db.sql("UPDATE restaurants SET name = 'სასადილო 2' WHERE id = 1");
            db.sql("UPDATE drivers SET vehicle = 'truck' WHERE id = 1");
            db.sql("UPDATE products SET price = 19.50 WHERE id = 1");
            db.sql("UPDATE orders SET status = 'confirmed', version = 2, driver_id = 1 WHERE id = 1");
            db.sql("UPDATE order_items SET quantity = 3, line_total = 56.70 WHERE id = 1");
            db.sql("UPDATE order_status_changes SET reason = 'phoned' WHERE id = 1");
            db.sql("DELETE FROM order_status_changes WHERE id = 1");
            db.sql("DELETE FROM order_items WHERE id = 1");
            db.sql("DELETE FROM orders WHERE id = 1");
            db.sql("DELETE FROM products WHERE id = 1");
            db.sql("DELETE FROM drivers WHERE id = 1");
            db.sql("DELETE FROM restaurants WHERE id = 1");

            await().atMost(WAIT).until(() -> kafka.changes().size() >= 18);

            for (String table : List.of("restaurants", "drivers", "products", "orders", "order_items", "order_status_changes")) {
                List<ChangeEvent> events = kafka.events(table, 1);
                assertThat(events).as(table).extracting(ChangeEvent::op).containsExactly(Op.CREATE, Op.UPDATE, Op.DELETE);
                ChangeEvent create = events.get(0);
                ChangeEvent update = events.get(1);
                ChangeEvent delete = events.get(2);
                assertThat(create.before()).isNull();
                assertThat(update.before()).as("complete before image (REPLICA IDENTITY FULL)").isEqualTo(create.after());
                assertThat(delete.before()).isEqualTo(update.after());
                assertThat(delete.after()).isNull();
                assertThat(events).extracting(ChangeEvent::lsn).isSorted().doesNotHaveDuplicates();
                assertThat(events).allSatisfy(e -> {
                    assertThat(e.snapshot()).isFalse();
                    assertThat(e.txId()).isNotNull();
                    assertThat(e.transactionId()).isNotNull();
                });
            }
            assertThat(kafka.changes()).allSatisfy(r -> {
                assertThat(r.key()).isEqualTo(r.event().id());
                assertThat(r.topic()).isEqualTo(ns.topicPrefix() + "dms.cdc." + r.event().table());
            });
            assertThat(kafka.events("restaurants", 1).get(1).after()).containsEntry("name", "სასადილო 2").containsEntry("city", "თბილისი");
            assertThat(kafka.events("products", 1).get(1).before()).containsEntry("price", "18.90");
            assertThat(kafka.events("products", 1).get(1).after()).containsEntry("price", "19.50");
            Map<String, Object> order = kafka.events("orders", 1).get(1).after();
            assertThat(order).containsEntry("status", "confirmed").containsEntry("total_amount", "37.80")
                    .containsEntry("created_at", "2026-11-22T08:15:00.123456Z")
                    .containsEntry("requested_delivery_at", "2026-11-22T08:00:00Z")
                    .containsEntry("driver_id", 1L).containsEntry("version", 2L).containsEntry("confirmed_at", null);
            assertThat(pipeline.stopped()).isNotDone();
        }
    }

    @Test
    void shouldMakeAMultiRowTransactionRecognisableAsOne(TestNamespace ns) {
        try (CdcFixture db = CdcFixture.create(ns); CdcPipeline pipeline = db.start(); ChangeCollector kafka = db.collector()) {
            db.sql("INSERT INTO restaurants (id, name) VALUES (7, 'R')",
                    "INSERT INTO products (id, sku, name, unit, price) VALUES (7, 'P7', 'Flour', 'kg', 2.10), (8, 'P8', 'Salt', 'kg', 1.00)");
            db.sql("INSERT INTO orders (id, reference, restaurant_id, status, delivery_address, total_amount, item_count, version) "
                            + "VALUES (70, 'ORD-70', 7, 'pending', 'Addr', 5.20, 2, 1)",
                    "INSERT INTO order_items (id, order_id, product_id, product_name, unit_price, quantity, line_total) "
                            + "VALUES (701, 70, 7, 'Flour', 2.10, 2, 4.20), (702, 70, 8, 'Salt', 1.00, 1, 1.00)",
                    "INSERT INTO order_status_changes (id, order_id, to_status, actor_role) VALUES (700, 70, 'pending', 'restaurant')");

            await().atMost(WAIT).until(() -> kafka.transactions().stream().filter(t -> t.status() == TransactionEvent.Status.END).count() >= 2);
            await().atMost(WAIT).until(() -> kafka.changes().size() >= 7);

            List<ChangeEvent> orderTx = kafka.changes().stream().map(ChangeCollector.Received::event)
                    .filter(e -> e.transactionId() != null && e.transactionId().equals(kafka.events("orders", 70).getFirst().transactionId()))
                    .sorted(java.util.Comparator.comparing(ChangeEvent::transactionOrder)).toList();
            assertThat(orderTx).as(kafka.changes() + " " + kafka.transactions()).extracting(ChangeEvent::table)
                    .containsExactly("orders", "order_items", "order_items", "order_status_changes");
            assertThat(orderTx).extracting(ChangeEvent::transactionOrder).containsExactly(1L, 2L, 3L, 4L);
            assertThat(orderTx).extracting(ChangeEvent::txId).containsOnly(orderTx.getFirst().txId());
            TransactionEvent end = kafka.transactions().stream()
                    .filter(t -> t.status() == TransactionEvent.Status.END && t.id().equals(orderTx.getFirst().transactionId()))
                    .findFirst().orElseThrow();
            assertThat(end.eventCount()).isEqualTo(4L);
            assertThat(end.tables()).isEqualTo(Map.of("orders", 1L, "order_items", 2L, "order_status_changes", 1L));
            assertThat(kafka.transactions()).anyMatch(t -> t.status() == TransactionEvent.Status.BEGIN && t.id().equals(end.id()));
            assertThat(pipeline.stopped()).isNotDone();
        }
    }

    @Test
    void shouldPutEveryItemAndStatusLogRowOnThePartitionOfItsOrder(TestNamespace ns) {
        try (CdcFixture db = CdcFixture.create(ns); CdcPipeline pipeline = db.start(); ChangeCollector kafka = db.collector()) {
            db.sql("INSERT INTO restaurants (id, name) VALUES (7, 'R')",
                    "INSERT INTO products (id, sku, name, unit, price) VALUES (7, 'P7', 'Flour', 'kg', 2.10)");
            for (int order = 80; order < 92; order++) {
                db.sql("INSERT INTO orders (id, reference, restaurant_id, status, delivery_address, total_amount, item_count, version) "
                                + "VALUES (" + order + ", 'ORD-" + order + "', 7, 'pending', 'Addr', 4.20, 2, 1)",
                        "INSERT INTO order_items (id, order_id, product_id, product_name, unit_price, quantity, line_total) VALUES ("
                                + (order * 10 + 1) + ", " + order + ", 7, 'Flour', 2.10, 1, 2.10), (" + (order * 10 + 2) + ", " + order
                                + ", 7, 'Flour', 2.10, 1, 2.10)",
                        "INSERT INTO order_status_changes (id, order_id, to_status, actor_role) VALUES (" + order + ", " + order
                                + ", 'pending', 'restaurant')");
            }
            await().atMost(WAIT).until(() -> kafka.changes().size() >= 2 + 12 * 4);

            Map<Long, Integer> orderPartition = new java.util.HashMap<>();
            kafka.changes().stream().filter(r -> r.event().table().equals("orders")).forEach(r -> orderPartition.put(r.key(), r.partition()));
            List<ChangeCollector.Received> belonging = kafka.changes().stream()
                    .filter(r -> r.event().table().equals("order_items") || r.event().table().equals("order_status_changes")).toList();
            assertThat(belonging).hasSize(36);
            for (ChangeCollector.Received r : belonging) {
                long order = ((Number) r.event().after().get("order_id")).longValue();
                assertThat(r.partition()).as("%s %d of order %d", r.event().table(), r.key(), order).isEqualTo(orderPartition.get(order));
                assertThat(r.key()).as("keyed by its own id").isEqualTo(r.event().id());
            }
            assertThat(new java.util.HashSet<>(orderPartition.values())).as("the orders spread over the partitions").hasSizeGreaterThan(1);
        }
    }

    @Test
    void shouldPublishPreExistingRowsThroughTheSnapshotThenStream(TestNamespace ns) {
        try (CdcFixture db = CdcFixture.create(ns)) {
            db.sql("INSERT INTO restaurants (id, name) SELECT g, 'R' || g FROM generate_series(1, 50) g",
                    "INSERT INTO products (id, sku, name, unit, price) VALUES (1, 'P1', 'Flour', 'kg', 2.10)");
            try (CdcPipeline pipeline = db.start(); ChangeCollector kafka = db.collector()) {
                db.sql("INSERT INTO restaurants (id, name) VALUES (51, 'after snapshot')");

                await().atMost(WAIT).until(() -> kafka.events("restaurants").size() >= 51 && kafka.events("products").size() >= 1);

                List<ChangeEvent> restaurants = kafka.events("restaurants");
                assertThat(restaurants.stream().filter(e -> e.id() <= 50)).hasSize(50)
                        .allSatisfy(e -> {
                            assertThat(e.op()).isEqualTo(Op.READ);
                            assertThat(e.snapshot()).isTrue();
                            assertThat(e.before()).isNull();
                            assertThat(e.after()).containsEntry("name", "R" + e.id());
                        });
                assertThat(kafka.events("products", 1).getFirst().after()).containsEntry("price", "2.10");
                assertThat(kafka.events("restaurants", 51)).singleElement()
                        .satisfies(e -> assertThat(e.op()).isEqualTo(Op.CREATE));
                assertThat(pipeline.stopped()).isNotDone();
            }
        }
    }

    @Test
    void shouldPublishALargeToastedTextWholeWhenAnotherColumnIsUpdated(TestNamespace ns) {
        // Random text does not compress, so 20 KB is stored out of line (TOAST).
        String notes = IntStream.range(0, 600).mapToObj(i -> UUID.randomUUID().toString()).collect(Collectors.joining(" ხ "));
        assertThat(notes.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(20_000);
        try (CdcFixture db = CdcFixture.create(ns); CdcPipeline pipeline = db.start(); ChangeCollector kafka = db.collector()) {
            db.sql("INSERT INTO restaurants (id, name) VALUES (1, 'R')");
            db.sql("INSERT INTO orders (id, reference, restaurant_id, status, delivery_address, total_amount, item_count, version, notes) "
                    + "VALUES (5, 'ORD-5', 1, 'pending', 'Addr', 1.00, 1, 1, '" + notes + "')");
            db.sql("UPDATE orders SET status = 'confirmed', version = 2 WHERE id = 5");

            await().atMost(WAIT).until(() -> kafka.events("orders", 5).size() >= 2);

            ChangeEvent update = kafka.events("orders", 5).get(1);
            assertThat(update.op()).isEqualTo(Op.UPDATE);
            assertThat(update.after()).containsEntry("status", "confirmed");
            assertThat((String) update.after().get("notes")).isEqualTo(notes);
            assertThat((String) update.before().get("notes")).isEqualTo(notes);
            assertThat(pipeline.stopped()).isNotDone();
        }
    }

    @Test
    void shouldRefuseToStartWithAClearMessageWhenThePublicationIsMissing(TestNamespace ns) {
        try (CdcFixture db = CdcFixture.create(ns)) {
            db.sql("DROP PUBLICATION dms_cdc");

            assertThatThrownBy(() -> CdcPipeline.start(db.config))
                    .isInstanceOf(PermanentCdcException.class)
                    .hasMessageContaining("publication \"dms_cdc\" does not exist")
                    .hasMessageContaining("CREATE PUBLICATION dms_cdc FOR TABLE public.restaurants");
            assertThat(db.slotExists(false)).isFalse();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldRefuseToStartWhenTheSlotWasLostInsteadOfSilentlyResnapshotting(TestNamespace ns) {
        try (CdcFixture db = CdcFixture.create(ns)) {
            try (CdcPipeline pipeline = db.start(); ChangeCollector kafka = db.collector()) {
                db.sql("INSERT INTO drivers (id, name) VALUES (1, 'D')");
                await().atMost(WAIT).until(() -> kafka.events("drivers").size() == 1);
                await().atMost(WAIT).until(() -> pipeline.slotState().exists());
            }
            db.dropSlot(); // as an operator, or max_slot_wal_keep_size invalidating it, would

            assertThatThrownBy(() -> CdcPipeline.start(db.config))
                    .isInstanceOf(PermanentCdcException.class)
                    .hasMessageContaining("replication slot " + db.config.source().slotName() + " does not exist any more")
                    .hasMessageContaining("Not re-snapshotting silently");
        }
    }

    @Test
    void shouldReportHealthSlotLagAndEventMetrics(TestNamespace ns) throws Exception {
        try (CdcFixture db = CdcFixture.create(ns, Map.of("cdc.health.port", "0"));
             CdcPipeline pipeline = CdcPipeline.start(db.config); ChangeCollector kafka = db.collector()) {
            db.awaitSlot();
            db.sql("INSERT INTO drivers (id, name) VALUES (1, 'D')");
            await().atMost(WAIT).until(() -> kafka.events("drivers").size() == 1);
            await().atMost(WAIT).until(() -> pipeline.health().up() && pipeline.health().published() == 1);

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + pipeline.healthPort() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + pipeline.healthPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"", "\"exists\":true", "\"lagBytes\":");
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
            assertThat(metrics.body()).containsPattern("(?m)^dms_cdc_events_total\\{service=\"cdc-pipeline\"} 1(\\.0)?$")
                    .containsPattern("(?m)^dms_cdc_commit_to_ack_seconds_count\\{service=\"cdc-pipeline\"} 1(\\.0)?$")
                    .contains("dms_cdc_slot_lag_bytes", "dms_cdc_slot_retained_wal_bytes", "dms_cdc_last_event_age_milliseconds",
                            "dms_cdc_commit_to_ack_seconds_bucket{", "jvm_memory_used_bytes", "kafka_producer_record_send_total");
            assertThat(pipeline.health().lastEventAgeMs()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void shouldReconnectAndLoseNothingWhenTheReplicationConnectionIsCut(TestNamespace ns) {
        try (CdcFixture db = CdcFixture.create(ns); CdcPipeline pipeline = db.start(); ChangeCollector kafka = db.collector()) {
            db.sql("INSERT INTO drivers (id, name) VALUES (1, 'before')");
            await().atMost(WAIT).until(() -> kafka.events("drivers").size() == 1);
            await().atMost(WAIT).until(() -> db.slotExists(true));

            db.terminateWalSender();
            db.sql("INSERT INTO drivers (id, name) VALUES (2, 'while reconnecting')");
            db.sql("UPDATE drivers SET name = 'after' WHERE id = 1");

            await().atMost(WAIT).until(() -> kafka.events("drivers", 1).size() >= 2 && !kafka.events("drivers", 2).isEmpty());
            assertThat(kafka.events("drivers", 1).getLast().after()).containsEntry("name", "after");
            assertThat(pipeline.stopped()).isNotDone();
        }
    }

    @Test
    void shouldAdvanceTheSlotWithHeartbeatsWhileCapturedTablesAreQuiet(TestNamespace ns) {
        try (CdcFixture db = CdcFixture.create(ns, Map.of("cdc.heartbeat.interval.ms", "500"));
             CdcPipeline pipeline = db.start(); ChangeCollector kafka = db.collector()) {
            await().atMost(WAIT).until(() -> db.slotExists(true));
            // About 2 MB of WAL from a table outside the publication: no change events, only WAL the slot must not pin.
            db.sql("INSERT INTO idempotency_keys (id, key, response) SELECT g, 'k' || g, repeat('x', 500) FROM generate_series(1, 4000) g");
            await().atMost(WAIT).until(() -> pipeline.slotState().retainedBytes() > 1_000_000);

            await().atMost(WAIT).until(() -> pipeline.slotState().lagBytes() < 100_000);
            assertThat(kafka.changes()).isEmpty();
        }
    }
}
