package ge.dms.projection.orderview.redis;

import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.schemas.view.RedisKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/** The devstack's real Redis, under a test's own key prefix: one client, one connection, closed together. */
final class TestRedis implements AutoCloseable {

    final RedisClient client;
    final StatefulRedisConnection<String, String> connection;
    final RedisCommands<String, String> redis;
    final RedisKeys keys;

    TestRedis(Infrastructure infra, TestNamespace ns) {
        client = RedisClient.create(infra.endpoints().redisUrl());
        connection = client.connect();
        redis = connection.sync();
        keys = new RedisKeys(ns.redisKeyPrefix());
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
