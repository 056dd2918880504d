package ge.dms.bench.fanout;

import java.util.Arrays;
import java.util.List;

/**
 * The per-hop split of one message from the stamps it carries: hop 2 commit → CDC sent, 3 CDC sent →
 * Streams in, 4 Streams in → view emitted, 5 view emitted → Redis, 6a Redis → socket written, 6b
 * socket written → received. All are the same host's wall clock; the commit is in µs, every other
 * stamp in whole ms, so a hop can come out up to 1 ms either way (a negative one is recorded as ~0).
 */
final class Hops {

    static final String COMMIT_TO_CDC = "hop 2 commit->cdc sent";
    static final String CDC_TO_STREAMS = "hop 3 cdc sent->streams in";
    static final String STREAMS_TO_EMIT = "hop 4 streams in->view emitted";
    static final String EMIT_TO_REDIS = "hop 5 view emitted->redis";
    static final String REDIS_TO_WRITTEN = "hop 6a redis->socket written";
    static final String WRITTEN_TO_RECEIVED = "hop 6b socket written->received";
    /** In the order of {@link #traced}'s entries. */
    static final List<String> TRACED = List.of(COMMIT_TO_CDC, CDC_TO_STREAMS, STREAMS_TO_EMIT, EMIT_TO_REDIS, REDIS_TO_WRITTEN,
            WRITTEN_TO_RECEIVED);
    /** A hop whose stamps the message did not carry. */
    static final long ABSENT = Long.MIN_VALUE;

    private static final long NANOS_PER_MS = 1_000_000;

    private Hops() {
    }

    /** The six traced hops in ns, {@link #ABSENT} where a stamp is missing. */
    static long[] traced(Arrival a) {
        long[] hops = new long[TRACED.size()];
        Arrays.fill(hops, ABSENT);
        Arrival.Trace t = a.trace();
        boolean redis = a.redisMillis() > 0;
        if (t != null) {
            if (a.commitMicros() > 0) {
                hops[0] = (t.cdcMillis() * 1_000 - a.commitMicros()) * 1_000;
            }
            hops[1] = (t.streamsMillis() - t.cdcMillis()) * NANOS_PER_MS;
            hops[2] = (t.emitMillis() - t.streamsMillis()) * NANOS_PER_MS;
            if (redis) {
                hops[3] = (a.redisMillis() - t.emitMillis()) * NANOS_PER_MS;
            }
        }
        if (a.sentMillis() > 0) {
            if (redis) {
                hops[4] = (a.sentMillis() - a.redisMillis()) * NANOS_PER_MS;
            }
            hops[5] = (a.receivedWallMicros() - a.sentMillis() * 1_000) * 1_000;
        }
        return hops;
    }
}
