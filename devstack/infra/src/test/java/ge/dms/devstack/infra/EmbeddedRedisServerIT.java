package ge.dms.devstack.infra;

import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedRedisServerIT {

    private static EmbeddedRedisServer server;
    private static RedisClient client;

    @BeforeAll
    static void startServer() {
        server = EmbeddedRedisServer.start(DataDirectory.temporary("redis-it"));
        client = RedisClient.create(server.url());
    }

    @AfterAll
    static void stopServer() {
        client.shutdown();
        server.close();
    }

    @Test
    void shouldAnswerPing() {
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertThat(connection.sync().ping()).isEqualTo("PONG");
        }
    }

    @Test
    void shouldAppendToAndReadFromAStream() {
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            String first = redis.xadd("driver:7:changes", Map.of("order", "ORD-2026-000001", "status", "ready"));
            String second = redis.xadd("driver:7:changes", Map.of("order", "ORD-2026-000001", "status", "out_for_delivery"));

            List<StreamMessage<String, String>> afterFirst = redis.xread(XReadArgs.StreamOffset.from("driver:7:changes", first));

            assertThat(afterFirst).extracting(StreamMessage::getId).containsExactly(second);
            assertThat(afterFirst.getFirst().getBody()).containsEntry("status", "out_for_delivery");
        }
    }

    @Test
    void shouldRunLuaScripts() {
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            Long result = connection.sync().eval("return redis.call('INCRBY', KEYS[1], ARGV[1])",
                    io.lettuce.core.ScriptOutputType.INTEGER, new String[] {"lua-counter"}, "41");
            assertThat(result).isEqualTo(41L);
        }
    }
}
