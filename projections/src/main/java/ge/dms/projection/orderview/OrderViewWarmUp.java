package ge.dms.projection.orderview;

import ge.dms.projection.source.DriverRow;
import ge.dms.projection.source.RestaurantRow;
import ge.dms.schemas.ProjectionTopics;
import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.cdc.Op;
import ge.dms.schemas.order.OrderStatus;
import ge.dms.schemas.serde.IdKeySerde;
import ge.dms.schemas.serde.Json;
import ge.dms.schemas.view.OrderView;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Runs synthetic orders through the order view topology in this process before the stream threads start: each is
 * placed with its items, confirmed, assigned, prepared, made ready, picked up and delivered, in the change events
 * cdc-pipeline publishes, through the same topology, serdes and RocksDB stores (a {@link TopologyTestDriver} on a
 * state folder of its own, deleted after), and each view through the Redis writer's own key and argument building
 * ({@link ge.dms.projection.orderview.redis.RedisOrderViewWriter#rehearse}), with nothing sent anywhere.
 *
 * <p>Why: a just-started JVM runs this path interpreted, and at 200 changes/s its stream thread fell 10 s behind in
 * its first 20 s (bench {@code fanout --cold}); drivers met that after every deploy. Done before the service reports
 * ready, the compilation is paid for before the first real change.
 */
public final class OrderViewWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(OrderViewWarmUp.class);
    /** The moves a warm-up order goes through after it is placed, in lifecycle order (assignment in between). */
    private static final List<String> MOVES = List.of(OrderStatus.CONFIRMED.value(), OrderStatus.CONFIRMED.value(),
            OrderStatus.PREPARING.value(), OrderStatus.READY.value(), OrderStatus.OUT_FOR_DELIVERY.value(),
            OrderStatus.DELIVERED.value());
    private static final int ITEMS_PER_ORDER = 4;
    private static final int RESTAURANTS = 20;
    private static final int DRIVERS = 50;
    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");
    private static final String FOLDER_PREFIX = "warm-up-";

    /** What the warm-up did: records in, views out, how long it took. */
    public record Outcome(long records, long views, double seconds) {
    }

    private long lsn = 1_000;

    private OrderViewWarmUp() {
    }

    /**
     * @param rehearsal what each view is handed to (the Redis writer's {@code rehearse}); returns nothing to keep
     * @param stateRoot where the warm-up's own state folder is made and removed
     */
    public static Outcome run(int orders, ViewRehearsal rehearsal, Path stateRoot) {
        long start = System.nanoTime();
        Path stateDir = stateFolder(stateRoot);
        long[] views = {0};
        OrderViewSink sink = new OrderViewSink() {
            @Override
            public void write(OrderView view) {
                write(view, null);
            }

            @Override
            public void write(OrderView view, HopTrace trace) {
                views[0] += rehearsal.rehearse(view, trace) > 0 ? 1 : 0;
            }
        };
        ProjectionTopics topics = ProjectionTopics.withPrefix("warm-up.");
        OrderViewWarmUp changes = new OrderViewWarmUp();
        long records;
        try (TopologyTestDriver driver = new TopologyTestDriver(OrderViewProjection.build(topics, SinkWiring.shared(sink),
                changes.lookup(), OrderViewProjection.ItemRouting.ON_ORDER_PARTITION), settings(stateDir))) {
            records = changes.feed(driver, topics, orders);
        } finally {
            delete(stateDir);
        }
        Outcome outcome = new Outcome(records, views[0], Math.round((System.nanoTime() - start) / 1e6) / 1e3);
        LOG.info("Order view warm-up: {} synthetic changes of {} orders, {} views, in {} s", outcome.records(), orders,
                outcome.views(), outcome.seconds());
        return outcome;
    }

    /** What the warm-up hands each view to; a positive answer counts it as rehearsed. */
    @FunctionalInterface
    public interface ViewRehearsal {
        int rehearse(OrderView view, HopTrace trace);
    }

    private long feed(TopologyTestDriver driver, ProjectionTopics topics, int orders) {
        IdKeySerde ids = new IdKeySerde();
        ByteArraySerializer bytes = new ByteArraySerializer();
        TestInputTopic<Long, byte[]> orderTopic = driver.createInputTopic(topics.cdc().orders().name(), ids.serializer(), bytes);
        TestInputTopic<Long, byte[]> itemTopic = driver.createInputTopic(topics.cdc().orderItems().name(), ids.serializer(), bytes);
        long records = 0;
        for (long order = 1; order <= orders; order++) {
            long restaurant = 1 + order % RESTAURANTS;
            orderTopic.pipeInput(order, encode(orderChange(order, 1, OrderStatus.PENDING.value(), restaurant, null)));
            for (int line = 0; line < ITEMS_PER_ORDER; line++) {
                long item = order * ITEMS_PER_ORDER + line;
                itemTopic.pipeInput(item, encode(itemChange(item, order)));
            }
            records += 1 + ITEMS_PER_ORDER;
            for (int move = 0; move < MOVES.size(); move++) {
                Long driverId = move == 0 ? null : 1 + order % DRIVERS; // the second move assigns the driver
                orderTopic.pipeInput(order, encode(orderChange(order, move + 2, MOVES.get(move), restaurant, driverId)));
                records++;
            }
        }
        return records;
    }

    private ChangeEvent orderChange(long id, long version, String status, long restaurant, Long driver) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("reference", "WARM-%07d".formatted(id));
        row.put("restaurant_id", restaurant);
        row.put("driver_id", driver);
        row.put("status", status);
        row.put("delivery_address", "რუსთაველის გამზირი 1, თბილისი");
        row.put("requested_delivery_at", T0.plusSeconds(7200).toString());
        row.put("notes", null);
        row.put("total_amount", "34.00");
        row.put("item_count", ITEMS_PER_ORDER);
        row.put("version", version);
        row.put("created_at", T0.toString());
        row.put("updated_at", T0.plusSeconds(version * 60).toString());
        row.put("confirmed_at", version >= 2 ? T0.plusSeconds(60).toString() : null);
        row.put("ready_at", version >= 5 ? T0.plusSeconds(1800).toString() : null);
        row.put("picked_up_at", version >= 6 ? T0.plusSeconds(2400).toString() : null);
        row.put("delivered_at", version >= 7 ? T0.plusSeconds(4800).toString() : null);
        row.put("cancelled_at", null);
        row.put("request_id", "warm-up-" + id + "-" + version);
        return event(version == 1 ? Op.CREATE : Op.UPDATE, "orders", id, row);
    }

    private ChangeEvent itemChange(long id, long order) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("order_id", order);
        row.put("product_id", 1 + id % 100);
        row.put("product_name", "ხორბლის ფქვილი");
        row.put("unit_price", "8.50");
        row.put("quantity", "1");
        row.put("line_total", "8.50");
        return event(Op.CREATE, "order_items", id, row);
    }

    private ChangeEvent event(Op op, String table, long id, Map<String, Object> row) {
        lsn += 8;
        return new ChangeEvent(ChangeEvent.VERSION, op, table, id, null, row, lsn, lsn, Long.toString(lsn), 1L,
                T0.plusMillis(lsn), false);
    }

    /** Restaurants and drivers from the lookup, as the reference cache gives them on the real path. */
    private ReferenceLookup lookup() {
        return new ReferenceLookup() {
            @Override
            public RestaurantRow restaurant(long id) {
                return id <= RESTAURANTS ? new RestaurantRow(id, "რესტორანი " + id, "ჭავჭავაძის 10", "თბილისი",
                        "+995555000" + id, 10, T0) : null;
            }

            @Override
            public DriverRow driver(long id) {
                return id <= DRIVERS ? new DriverRow(id, "მძღოლი " + id, "+995599000" + id, "van", 10, T0) : null;
            }
        };
    }

    private static byte[] encode(ChangeEvent event) {
        try {
            return Json.mapper().writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a warm-up change", e);
        }
    }

    private static Properties settings(Path stateDir) {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "order-view-warm-up");
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "warm-up:0"); // never contacted by the test driver
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        settings.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0); // as the hot path runs: every update emitted
        return settings;
    }

    /** A new folder under {@code stateRoot}, after removing what a warm-up killed before its end left there. */
    private static Path stateFolder(Path stateRoot) {
        try {
            Files.createDirectories(stateRoot);
            try (Stream<Path> left = Files.list(stateRoot)) {
                left.filter(path -> path.getFileName().toString().startsWith(FOLDER_PREFIX)).forEach(OrderViewWarmUp::delete);
            }
            return Files.createTempDirectory(stateRoot, FOLDER_PREFIX);
        } catch (IOException e) {
            throw new UncheckedIOException("no folder for the warm-up's state under " + stateRoot, e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not remove the warm-up's state folder {}", folder, e);
        }
    }
}
