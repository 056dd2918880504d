package ge.dms.command.order;

import ge.dms.command.support.TestApi;
import ge.dms.command.support.TestApi.Reply;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.schemas.order.OrderStatus;
import org.jooq.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static ge.dms.command.persistence.jooq.Tables.ORDERS;
import static ge.dms.command.persistence.jooq.Tables.ORDER_ITEMS;
import static ge.dms.command.persistence.jooq.Tables.ORDER_STATUS_CHANGES;
import static org.assertj.core.api.Assertions.assertThat;

@WithDevStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderLifecycleIT {

    private TestApi t;
    private long restaurant;
    private long driver;
    private long product;

    @BeforeAll
    void start(TestNamespace ns) {
        t = TestApi.start(ns);
        restaurant = t.restaurant("ქეთოს სამზარეულო");
        driver = t.driverRow("გიორგი ბერიძე");
        product = t.product("CHEESE-1", "იმერული ყველი", "kg", "16.50");
    }

    @AfterAll
    void stop() {
        t.close();
    }

    @Test
    void shouldTakeAnOrderThroughTheWholeLifecycle() {
        Map<String, Object> placed = t.placeOrder(restaurant, product);
        long id = ((Number) placed.get("id")).longValue();
        assertThat((String) placed.get("reference")).matches("ORD-\\d{4}-\\d{6}");
        assertThat(placed).containsEntry("status", "pending").containsEntry("version", 1).containsEntry("itemCount", 1);
        assertThat(((Number) placed.get("totalAmount")).doubleValue()).isEqualTo(33.0);

        String admin = TestApi.admin();
        String driverToken = TestApi.driver(driver);
        List<String> expected = List.of("confirmed", "preparing", "preparing", "ready", "out_for_delivery", "delivered");
        List<Reply> replies = new ArrayList<>();
        replies.add(t.act(id, "confirm", admin, 1, null));
        replies.add(t.act(id, "start-preparing", admin, 2, null));
        replies.add(t.act(id, "assign-driver", admin, 3, "{\"driverId\":" + driver + "}"));
        replies.add(t.act(id, "mark-ready", admin, 4, null));
        replies.add(t.act(id, "pick-up", driverToken, 5, null));
        replies.add(t.act(id, "deliver", driverToken, 6, null));
        for (int i = 0; i < replies.size(); i++) {
            Reply reply = replies.get(i);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.json()).containsEntry("status", expected.get(i)).containsEntry("version", i + 2);
            assertThat(reply.header("ETag")).isEqualTo("\"" + (i + 2) + "\"");
            assertThat(reply.header("DMS-Write-Token")).matches("order=" + id + ";version=" + (i + 2) + ";xid=\\d+");
        }

        Record order = t.sql().selectFrom(ORDERS).where(ORDERS.ID.eq(id)).fetchSingle();
        assertThat(order.get(ORDERS.STATUS)).isEqualTo("delivered");
        assertThat(order.get(ORDERS.VERSION)).isEqualTo(7);
        assertThat(order.get(ORDERS.DRIVER_ID)).isEqualTo(driver);
        assertThat(order.get(ORDERS.NOTES)).isEqualTo("უკანა კარიდან");
        assertThat(order.get(ORDERS.DELIVERY_ADDRESS)).isEqualTo("თბილისი, რუსთაველის გამზ. 12");
        assertThat(List.of(order.get(ORDERS.CONFIRMED_AT), order.get(ORDERS.READY_AT), order.get(ORDERS.PICKED_UP_AT),
                order.get(ORDERS.DELIVERED_AT))).doesNotContainNull();
        assertThat(order.get(ORDERS.CANCELLED_AT)).isNull();
        assertThat(t.sql().select(ORDER_ITEMS.PRODUCT_NAME).from(ORDER_ITEMS).where(ORDER_ITEMS.ORDER_ID.eq(id)).fetchSingle().value1())
                .isEqualTo("იმერული ყველი");
        var log = t.sql().selectFrom(ORDER_STATUS_CHANGES).where(ORDER_STATUS_CHANGES.ORDER_ID.eq(id))
                .orderBy(ORDER_STATUS_CHANGES.ID).fetch();
        assertThat(log).extracting(r -> r.getFromStatus() + ">" + r.getToStatus() + "@" + r.getActorRole()).containsExactly(
                "null>pending@restaurant", "pending>confirmed@admin", "confirmed>preparing@admin", "preparing>preparing@admin",
                "preparing>ready@admin", "ready>out_for_delivery@driver", "out_for_delivery>delivered@driver");
        assertThat(log.get(5).getActorId()).isEqualTo(driver);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRefuseEveryTransitionTheLifecycleForbids() {
        String admin = TestApi.admin();
        String driverToken = TestApi.driver(driver);
        // One order parked in each status; driver assigned from "confirmed" on, so driver actions reach the lifecycle.
        Map<OrderStatus, long[]> parked = new java.util.EnumMap<>(OrderStatus.class);
        parked.put(OrderStatus.PENDING, park(List.of()));
        parked.put(OrderStatus.CONFIRMED, park(List.of("confirm", "assign-driver")));
        parked.put(OrderStatus.PREPARING, park(List.of("confirm", "assign-driver", "start-preparing")));
        parked.put(OrderStatus.READY, park(List.of("confirm", "assign-driver", "start-preparing", "mark-ready")));
        parked.put(OrderStatus.OUT_FOR_DELIVERY, park(List.of("confirm", "assign-driver", "start-preparing", "mark-ready", "pick-up")));
        parked.put(OrderStatus.DELIVERED, park(List.of("confirm", "assign-driver", "start-preparing", "mark-ready", "pick-up", "deliver")));
        parked.put(OrderStatus.CANCELLED, park(List.of("confirm", "assign-driver", "cancel")));

        int refused = 0;
        for (var entry : parked.entrySet()) {
            OrderStatus status = entry.getKey();
            long id = entry.getValue()[0];
            int version = (int) entry.getValue()[1];
            for (OrderAction action : OrderAction.values()) {
                if (OrderLifecycle.next(status, action).isPresent()) {
                    continue;
                }
                boolean driving = action == OrderAction.PICK_UP || action == OrderAction.DELIVER;
                Reply reply = t.act(id, action.path(), driving ? driverToken : admin, version, body(action));
                int logBefore = version; // one log row per version
                if (driving && status == OrderStatus.PENDING) {
                    // No driver is assigned yet: to every driver this order does not exist.
                    assertThat(reply.status()).as(status + " " + action).isEqualTo(404);
                } else {
                    assertThat(reply.status()).as(status + " " + action + " " + reply).isEqualTo(409);
                    assertThat(reply.json()).containsEntry("type", "https://dms.ge/problems/transition-not-allowed")
                            .containsEntry("currentStatus", status.value()).containsEntry("action", action.path());
                    assertThat((List<Object>) reply.json().get("allowedActions")).containsExactlyElementsOf(
                            OrderLifecycle.allowedActions(status).stream().map(OrderAction::path).toList());
                }
                assertThat(t.sql().fetchCount(ORDER_STATUS_CHANGES, ORDER_STATUS_CHANGES.ORDER_ID.eq(id))).isEqualTo(logBefore);
                assertThat(t.sql().select(ORDERS.VERSION).from(ORDERS).where(ORDERS.ID.eq(id)).fetchSingle().value1()).isEqualTo(version);
                refused++;
            }
        }
        assertThat(refused).isEqualTo(49 - 12); // 12 allowed pairs in the diagram
    }

    @Test
    void shouldLetARestaurantCancelOnlyWhilePending() {
        long pending = ((Number) t.placeOrder(restaurant, product).get("id")).longValue();
        Reply cancelled = t.act(pending, "cancel", TestApi.restaurant(restaurant), 1, "{\"reason\":\"შეცდომით შევუკვეთე\"}");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json()).containsEntry("status", "cancelled");
        assertThat(t.sql().select(ORDER_STATUS_CHANGES.REASON).from(ORDER_STATUS_CHANGES)
                .where(ORDER_STATUS_CHANGES.ORDER_ID.eq(pending), ORDER_STATUS_CHANGES.TO_STATUS.eq("cancelled")).fetchSingle().value1())
                .isEqualTo("შეცდომით შევუკვეთე");

        long[] confirmed = park(List.of("confirm"));
        Reply refused = t.act(confirmed[0], "cancel", TestApi.restaurant(restaurant), 2, "{\"reason\":\"late\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json()).containsEntry("currentStatus", "confirmed");
        assertThat(t.act(confirmed[0], "cancel", TestApi.admin(), 2, "{\"reason\":\"out of stock\"}").status()).isEqualTo(200);
    }

    @Test
    void shouldRequireAndCheckTheVersion() {
        long id = ((Number) t.placeOrder(restaurant, product).get("id")).longValue();
        Reply missing = t.post("/api/orders/" + id + "/confirm", TestApi.admin(), null);
        assertThat(missing.status()).isEqualTo(428);
        Reply stale = t.act(id, "confirm", TestApi.admin(), 3, null);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json()).containsEntry("type", "https://dms.ge/problems/stale-version")
                .containsEntry("currentVersion", 1).containsEntry("currentStatus", "pending");
        assertThat(t.post("/api/orders/" + id + "/confirm", TestApi.admin(), null, "If-Match", "1").status()).isEqualTo(200);
    }

    /** Places an order and applies {@code actions} as admin/driver; returns {id, version}. */
    private long[] park(List<String> actions) {
        long id = ((Number) t.placeOrder(restaurant, product).get("id")).longValue();
        int version = 1;
        for (String action : actions) {
            boolean driving = action.equals("pick-up") || action.equals("deliver");
            String body = action.equals("assign-driver") ? "{\"driverId\":" + driver + "}"
                    : action.equals("cancel") ? "{\"reason\":\"test\"}" : null;
            Reply reply = t.act(id, action, driving ? TestApi.driver(driver) : TestApi.admin(), version, body);
            assertThat(reply.status()).as(action + " " + reply).isEqualTo(200);
            version++;
        }
        return new long[] {id, version};
    }

    private String body(OrderAction action) {
        return switch (action) {
            case ASSIGN_DRIVER -> "{\"driverId\":" + driver + "}";
            case CANCEL -> "{\"reason\":\"test\"}";
            default -> null;
        };
    }
}
