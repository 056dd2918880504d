package ge.dms.projection.orderview.redis;

import ge.dms.projection.orderview.HopTrace;
import ge.dms.projection.orderview.OrderViewSink;
import ge.dms.schemas.view.OrderView;
import io.lettuce.core.RedisFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes views to Redis without the stream thread waiting for each answer: every view is sent at once
 * (Lettuce writes it to the socket immediately), and the answers are collected before the task commits
 * ({@link #settle}, called from {@link SettleBeforeCommitStore#flush}). A synchronous call per view cost the
 * stream thread a round trip through Lettuce's event loop and Redis each time: on two busy cores 10-20 ms,
 * which made it fall behind at 200 changes/s.
 *
 * <p>Nothing is lost: offsets are committed only after every view sent before the commit was applied
 * or re-applied synchronously (with the writer's retries); if that fails too, the commit fails and the
 * task is replayed from its last commit, which the compare-and-set script makes harmless. One instance
 * per task: each task's {@link SettleBeforeCommitStore} builds its own, and its sink processor writes to it.
 */
public final class PipelinedRedisSink implements OrderViewSink {

    private static final Logger LOG = LoggerFactory.getLogger(PipelinedRedisSink.class);
    /** Answers awaited at once when this many are outstanding, so memory stays bounded during a replay. */
    static final int MAX_IN_FLIGHT = 2_000;

    private record Sent(OrderView view, HopTrace trace, RedisFuture<Long> answer) {
    }

    private final RedisOrderViewWriter writer;
    private final Duration timeout;
    private final ArrayDeque<Sent> inFlight = new ArrayDeque<>();

    public PipelinedRedisSink(RedisOrderViewWriter writer, Duration timeout) {
        this.writer = writer;
        this.timeout = timeout;
    }

    @Override
    public void write(OrderView view) {
        write(view, null);
    }

    @Override
    public void write(OrderView view, HopTrace trace) {
        inFlight.add(new Sent(view, trace, writer.applyAsync(view, trace)));
        if (inFlight.size() >= MAX_IN_FLIGHT) {
            settle();
        }
    }

    /** Waits for every answer outstanding; a view whose write failed is written again synchronously (or this throws). */
    public void settle() {
        while (!inFlight.isEmpty()) {
            Sent sent = inFlight.poll();
            try {
                sent.answer().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                inFlight.addFirst(sent);
                throw new IllegalStateException("interrupted while waiting for Redis to apply order " + sent.view().orderId(), e);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("Pipelined Redis write of order {} (request {}) failed ({}); writing it again", sent.view().orderId(),
                        sent.view().requestId(), e.toString());
                writer.apply(sent.view(), sent.trace());
            }
        }
    }

    /** Views sent and not yet known to be applied. */
    int inFlight() {
        return inFlight.size();
    }
}
