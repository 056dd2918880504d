package ge.dms.devstack.launcher.demo;

import ge.dms.command.order.OrderAction;
import ge.dms.command.order.OrderLifecycle;
import ge.dms.command.order.persistence.OrderRepository;
import ge.dms.command.order.persistence.OrderRepository.PricedLine;
import ge.dms.command.persistence.jooq.tables.records.OrdersRecord;
import ge.dms.command.persistence.jooq.tables.records.ProductsRecord;
import ge.dms.command.security.Actor;
import ge.dms.http.token.Role;
import ge.dms.schemas.order.OrderStatus;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static ge.dms.command.persistence.jooq.Tables.DRIVERS;
import static ge.dms.command.persistence.jooq.Tables.ORDERS;
import static ge.dms.command.persistence.jooq.Tables.PRODUCTS;
import static ge.dms.command.persistence.jooq.Tables.RESTAURANTS;

/**
 * Loads the demo data set into a migrated write database, idempotently: restaurants and drivers
 * by name, products by SKU, and a few orders per restaurant only when it has none yet. Orders
 * go through the same repository and lifecycle as the API, so their status-change log is whole.
 * Runs in one transaction under an advisory lock, so two launchers cannot load it twice.
 */
public final class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final long LOCK = 0x646d735f64656d6fL; // "dms_demo"

    /** What is there after loading: ids to mint tokens for. */
    public record Summary(List<Long> restaurantIds, List<Long> driverIds, int products, int ordersCreated) {
    }

    private DemoData() {
    }

    public static Summary load(String jdbcUrl, String user, String password) {
        try (var connection = java.sql.DriverManager.getConnection(jdbcUrl, user, password)) {
            return load(DSL.using(connection, org.jooq.SQLDialect.POSTGRES));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot load demo data into " + jdbcUrl, e);
        }
    }

    public static Summary load(DSLContext dsl) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.select(DSL.field("pg_advisory_xact_lock({0})", Object.class, LOCK)).fetch();
            List<Long> restaurants = DemoCatalog.RESTAURANTS.stream().map(r -> restaurant(tx, r)).toList();
            List<Long> drivers = DemoCatalog.DRIVERS.stream().map(d -> driver(tx, d)).toList();
            DemoCatalog.PRODUCTS.forEach(p -> product(tx, p));
            DemoAccounts.load(tx, restaurants.getFirst(), drivers.getFirst());
            List<ProductsRecord> catalog = tx.selectFrom(PRODUCTS)
                    .where(PRODUCTS.SKU.in(DemoCatalog.PRODUCTS.stream().map(DemoCatalog.Product::sku).toList()))
                    .orderBy(PRODUCTS.ID).fetch();
            int created = 0;
            for (int i = 0; i < restaurants.size(); i++) {
                if (!tx.fetchExists(ORDERS, ORDERS.RESTAURANT_ID.eq(restaurants.get(i)))) {
                    created += orders(tx, restaurants.get(i), i, catalog, drivers);
                }
            }
            LOG.info("Demo data: {} restaurants, {} drivers, {} products, {} orders created now",
                    restaurants.size(), drivers.size(), catalog.size(), created);
            return new Summary(restaurants, drivers, catalog.size(), created);
        });
    }

    private static long restaurant(DSLContext tx, DemoCatalog.Restaurant r) {
        return tx.select(RESTAURANTS.ID).from(RESTAURANTS).where(RESTAURANTS.NAME.eq(r.name())).fetchOptional(RESTAURANTS.ID)
                .orElseGet(() -> tx.insertInto(RESTAURANTS).set(RESTAURANTS.NAME, r.name()).set(RESTAURANTS.ADDRESS, r.address())
                        .set(RESTAURANTS.CITY, r.city()).set(RESTAURANTS.REGION, r.region()).set(RESTAURANTS.PHONE, r.phone())
                        .returning(RESTAURANTS.ID).fetchSingle().getId());
    }

    private static long driver(DSLContext tx, DemoCatalog.Driver d) {
        return tx.select(DRIVERS.ID).from(DRIVERS).where(DRIVERS.NAME.eq(d.name())).fetchOptional(DRIVERS.ID)
                .orElseGet(() -> tx.insertInto(DRIVERS).set(DRIVERS.NAME, d.name()).set(DRIVERS.PHONE, d.phone())
                        .set(DRIVERS.VEHICLE, d.vehicle()).returning(DRIVERS.ID).fetchSingle().getId());
    }

    private static void product(DSLContext tx, DemoCatalog.Product p) {
        tx.insertInto(PRODUCTS).set(PRODUCTS.SKU, p.sku()).set(PRODUCTS.NAME, p.name()).set(PRODUCTS.DESCRIPTION, p.description())
                .set(PRODUCTS.CATEGORY, p.category()).set(PRODUCTS.UNIT, p.unit()).set(PRODUCTS.PRICE, new BigDecimal(p.price()))
                .onConflict(PRODUCTS.SKU).doNothing().execute();
    }

    /** Three orders for the restaurant, left in different statuses so every screen has something to show. */
    private static int orders(DSLContext tx, long restaurantId, int index, List<ProductsRecord> catalog, List<Long> drivers) {
        OrderRepository repository = new OrderRepository();
        List<List<OrderAction>> paths = List.of(
                List.of(),
                List.of(OrderAction.CONFIRM, OrderAction.START_PREPARING, OrderAction.ASSIGN_DRIVER),
                List.of(OrderAction.CONFIRM, OrderAction.START_PREPARING, OrderAction.ASSIGN_DRIVER, OrderAction.MARK_READY,
                        OrderAction.PICK_UP, OrderAction.DELIVER));
        Actor restaurant = new Actor(Role.RESTAURANT, restaurantId);
        long driverId = drivers.get(index % drivers.size());
        for (int n = 0; n < paths.size(); n++) {
            List<PricedLine> lines = lines(catalog, index * 3 + n);
            BigDecimal total = lines.stream().map(PricedLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
            String reference = "ORD-%d-%06d".formatted(OffsetDateTime.now(ZoneOffset.ofHours(4)).getYear(), repository.nextReferenceNumber(tx));
            OrdersRecord order = repository.insert(tx, reference, restaurantId, DemoCatalog.RESTAURANTS.get(index).address(),
                    OffsetDateTime.now().plusDays(1).withHour(9).withMinute(0).withSecond(0).withNano(0), null, lines, total);
            repository.logChange(tx, order.getId(), null, OrderStatus.PENDING, restaurant, null);
            OrderStatus status = OrderStatus.PENDING;
            int version = 1;
            for (OrderAction action : paths.get(n)) {
                OrderStatus next = OrderLifecycle.require(status, action);
                boolean driving = action == OrderAction.PICK_UP || action == OrderAction.DELIVER;
                Actor actor = driving ? new Actor(Role.DRIVER, driverId) : new Actor(Role.ADMIN, null);
                repository.transition(tx, order.getId(), version++, action, next, driverId).orElseThrow();
                repository.logChange(tx, order.getId(), status, next, actor, action == OrderAction.ASSIGN_DRIVER ? "driver " + driverId + " assigned" : null);
                status = next;
            }
        }
        return paths.size();
    }

    private static List<PricedLine> lines(List<ProductsRecord> catalog, int seed) {
        List<PricedLine> lines = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            ProductsRecord p = catalog.get((seed * 7 + k * 5) % catalog.size());
            if (lines.stream().anyMatch(l -> l.productId() == p.getId())) {
                continue;
            }
            BigDecimal quantity = BigDecimal.valueOf(2 + (seed + k) % 5);
            lines.add(new PricedLine(p.getId(), p.getName(), p.getPrice(), quantity,
                    p.getPrice().multiply(quantity).setScale(2, RoundingMode.HALF_UP)));
        }
        return lines;
    }
}
