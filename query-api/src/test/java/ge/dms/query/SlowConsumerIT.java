package ge.dms.query;

import com.fasterxml.jackson.databind.JsonNode;
import ge.dms.devstack.infra.Infrastructure;
import ge.dms.devstack.test.TestNamespace;
import ge.dms.devstack.test.WithDevStack;
import ge.dms.query.support.LiveClient;
import ge.dms.query.support.TestStack;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static ge.dms.query.support.TestStack.token;
import static ge.dms.query.support.TestViews.BASE;
import static ge.dms.query.support.TestViews.view;
import static org.assertj.core.api.Assertions.assertThat;

/** A client that stops reading is disconnected (bounded server memory), told why, and can resume with its cursor. */
@WithDevStack
class SlowConsumerIT {

    @Test
    void shouldDisconnectAClientThatCannotKeepUpAndLetItResume(Infrastructure infra, TestNamespace ns) throws Exception {
        String redis = infra.endpoints().redisUrl();
        // Replay pages of 100 such messages are 2.4 MB: a loaded CI machine can take longer than the default 500 ms
        // Redis timeout to read one, and the resume would then end "redis unavailable" (1013), which is not under test.
        Map<String, Object> tight = Map.of("dms.query.live-buffer", 20, "dms.query.send-timeout", "1s",
                "dms.query.redis-timeout", "10s");
        try (TestStack stack = TestStack.start(ns, redis, redis, tight)) {
            URI uri = URI.create(stack.uri("/api/drivers/57/live").toString().replaceFirst("^http", "ws"));
            String big = "ხ".repeat(8000); // ~24 kB per message: the socket buffers fill after a few hundred
            int changes = 1500;
            try (LiveClient paused = LiveClient.connect(stack.http(), uri, token("driver", 57L), false)) {
                assertThat(paused.next(Duration.ofSeconds(10)).get("type").asText()).isEqualTo("hello");
                for (int v = 1; v <= changes; v++) {
                    stack.redisWriter().apply(view(5701, v, "preparing", 61, 57L, BASE, big, null, null));
                }
                paused.resume();
                JsonNode last = null;
                int received = 0;
                for (JsonNode m = paused.poll(Duration.ofSeconds(20)); m != null; m = paused.poll(Duration.ofSeconds(5))) {
                    if ("change".equals(m.get("type").asText())) {
                        received++;
                    }
                    last = m;
                    if ("closing".equals(m.get("type").asText())) {
                        break;
                    }
                }
                assertThat(received).as("a stalled client is cut off, not buffered without bound").isLessThan(changes);
                assertThat(last).isNotNull();
                assertThat(last.get("type").asText()).isEqualTo("closing");
                assertThat(last.get("reason").asText()).contains("slow consumer");
                String cursor = last.get("cursor").asText();

                try (LiveClient resumed = LiveClient.connect(stack.http(), URI.create(uri + "?after=" + cursor),
                        token("driver", 57L), true)) {
                    var rest = resumed.changes(changes - received, Duration.ofSeconds(60));
                    assertThat(rest.getLast().get("version").asLong()).isEqualTo(changes);
                    assertThat(rest.getFirst().get("version").asLong()).isEqualTo(received + 1);
                }
            } finally {
                stack.redis().sync().del(stack.keys.driverChanges(57), stack.keys.order(5701));
            }
        }
    }
}
