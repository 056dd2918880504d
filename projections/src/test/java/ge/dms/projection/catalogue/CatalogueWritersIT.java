package ge.dms.projection.catalogue;

import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.projection.catalogue.readstore.ReadStoreCatalogueWriter;
import ge.dms.projection.catalogue.redis.RedisCatalogueWriter;
import ge.dms.projection.readstore.ReadStore;
import ge.dms.projection.source.PartyRow;
import ge.dms.projection.source.ProductRow;
import ge.dms.schemas.serde.Json;
import ge.dms.schemas.view.ProductView;
import ge.dms.schemas.view.RedisKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue's two sinks on the real Redis and read-side PostgreSQL: only-if-newer, indexes, tombstones. */
@WithDevStack
class CatalogueWritersIT {

    private static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private RedisCommands<String, String> redis;
    private RedisKeys keys;
    private RedisCatalogueWriter redisWriter;
    private PostgresEndpoint db;
    private ReadStoreCatalogueWriter sqlWriter;

    @BeforeEach
    void connect(Infrastructure infra, TestNamespace ns) {
        client = RedisClient.create(infra.endpoints().redisUrl());
        connection = client.connect();
        redis = connection.sync();
        keys = new RedisKeys(ns.redisKeyPrefix());
        redisWriter = new RedisCatalogueWriter(connection, keys);
        db = ns.readDatabase();
        ReadStore store = new ReadStore(db.jdbcUrl(), db.user(), db.password());
        store.migrate();
        sqlWriter = new ReadStoreCatalogueWriter(store);
    }

    @AfterEach
    void close() {
        sqlWriter.close();
        connection.close();
        client.shutdown();
    }

    @Test
    void shouldListActiveProductsPerCategoryAndDropThemOnDeactivationOrDelete() throws Exception {
        assertThat(redisWriter.apply(product(1, "dairy", true, 100, false))).isTrue();
        assertThat(redisWriter.apply(product(2, "dairy", true, 110, false))).isTrue();
        assertThat(redis.zrange(keys.activeProducts(), 0, -1)).containsExactly("1", "2");
        assertThat(redis.zrange(keys.activeProductsInCategory("dairy"), 0, -1)).containsExactly("1", "2");

        redisWriter.apply(product(1, "meat", true, 120, false));   // moved to another category
        redisWriter.apply(product(2, "dairy", false, 130, false)); // deactivated

        assertThat(redis.zrange(keys.activeProducts(), 0, -1)).containsExactly("1");
        assertThat(redis.zrange(keys.activeProductsInCategory("dairy"), 0, -1)).isEmpty();
        assertThat(redis.zrange(keys.activeProductsInCategory("meat"), 0, -1)).containsExactly("1");
        ProductView held = Json.mapper().readValue(redis.hget(keys.product(2), "json"), ProductView.class);
        assertThat(held.active()).isFalse();

        redisWriter.apply(product(1, "meat", false, 140, true));
        assertThat(redis.zrange(keys.activeProducts(), 0, -1)).isEmpty();
        assertThat(redis.hget(keys.product(1), "json")).isNull();
        assertThat(redis.hget(keys.product(1), "deleted")).isEqualTo("1");
    }

    @Test
    void shouldWriteNoKeyButThoseRedisKeysNames() {
        redisWriter.apply(product(6, "dairy", true, 100, false));
        redisWriter.apply(product(6, "meat", true, 110, false)); // the held category's set is a filled template
        redisWriter.apply(product(7, "dairy", true, 120, false));

        assertThat(redis.keys(keys.prefix() + "*")).containsExactlyInAnyOrder(keys.product(6), keys.product(7),
                keys.activeProducts(), keys.activeProductsInCategory("dairy"), keys.activeProductsInCategory("meat"));
        assertThat(redis.zrange(keys.activeProductsInCategory("dairy"), 0, -1)).containsExactly("7");
    }

    @Test
    void shouldIgnoreReplaysAndOlderChangesInRedis() {
        redisWriter.apply(product(3, "produce", false, 200, false));

        assertThat(redisWriter.apply(product(3, "produce", true, 150, false))).isFalse();
        assertThat(redisWriter.apply(product(3, "produce", false, 200, false))).isFalse();
        assertThat(redis.zrange(keys.activeProducts(), 0, -1)).isEmpty();
    }

    @Test
    void shouldUpsertProductsOnlyWhenNewerAndFindThemByTrigramSearch() throws Exception {
        assertThat(sqlWriter.product(product(4, "bakery", true, 300, false))).isTrue();
        assertThat(sqlWriter.product(product(4, "bakery", false, 250, false))).isFalse();
        assertThat(sqlWriter.product(product(4, "bakery", true, 300, false))).isFalse();

        assertThat(query("SELECT active || ':' || source_lsn || ':' || price FROM product_view")).containsExactly("true:300:12.50");
        assertThat(query("SELECT product_id FROM product_view WHERE name % 'ხაჭაპურ' OR name ILIKE '%ჭაპ%'"))
                .containsExactly("4");
    }

    @Test
    void shouldKeepADeletedProductAsATombstoneThatAnOlderReplayCannotRevive() throws Exception {
        sqlWriter.product(product(5, "frozen", true, 400, true));
        sqlWriter.product(product(5, "frozen", true, 390, false));

        assertThat(query("SELECT deleted || ':' || active FROM product_view WHERE product_id = 5")).containsExactly("true:false");
    }

    @Test
    void shouldUpsertRestaurantsAndDriversWithTheirActorOnlyWhenNewer() throws Exception {
        sqlWriter.party(new PartyRow(PartyRow.Kind.RESTAURANT, 7, "სახლი", "+995", "ჭავჭავაძის 1", "თბილისი", null, null,
                true, T, T, "admin", 1L, 500, T, false));
        sqlWriter.party(new PartyRow(PartyRow.Kind.RESTAURANT, 7, "ძველი", "+995", "a", "b", null, null,
                true, T, T, "admin", 1L, 450, T, false));
        sqlWriter.party(new PartyRow(PartyRow.Kind.DRIVER, 8, "გიორგი", "+995", null, null, null, "van",
                false, T, T, "admin", null, 510, T, false));

        assertThat(query("SELECT name || ':' || updated_by_role || ':' || updated_by_id FROM restaurant_view"))
                .containsExactly("სახლი:admin:1");
        assertThat(query("SELECT name || ':' || vehicle || ':' || active FROM driver_view")).containsExactly("გიორგი:van:false");
    }

    private static ProductRow product(long id, String category, boolean active, long lsn, boolean deleted) {
        return new ProductRow(id, "SKU-" + id, "ხაჭაპური " + id, null, category, "kg", new BigDecimal("12.50"), active,
                "admin", 1L, T, lsn, T.plusMillis(lsn), deleted);
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
