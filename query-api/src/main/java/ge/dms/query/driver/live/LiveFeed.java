package ge.dms.query.driver.live;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One client's view of one change stream (a driver's, a restaurant's board, the dispatcher queue's): first every entry after its cursor (XRANGE,
 * paged), then the entries the {@link LiveHub} pushes, with no gap and no duplicate at the seam.
 *
 * <p>Why there is no gap: the feed is registered with the hub before the first XRANGE, so every
 * entry the hub dispatches from then on reaches the queue, and every entry it dispatched earlier was
 * already in Redis for the XRANGE to read. Why no duplicate: entries at or before the last one handed
 * out are dropped. The queue is bounded: during replay an overflow only means one more XRANGE round;
 * once live, a client that lets it fill is closed as a slow consumer (it resumes with its cursor).
 */
public final class LiveFeed {

    private static final int REPLAY_PAGE = 100;
    private static final LiveMessage POISON = new LiveMessage("poison", null, null);

    private final String streamKey;
    private final LiveHub hub;
    private final BlockingQueue<LiveMessage> queue;
    private final ArrayDeque<LiveMessage> replayed = new ArrayDeque<>();
    private String lastSent;
    private boolean replaying = true;
    private boolean overflowDuringReplay;
    private volatile FeedClosedException closed;

    LiveFeed(String streamKey, LiveHub hub, int capacity, String after) {
        this.streamKey = streamKey;
        this.hub = hub;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.lastSent = after;
    }

    /** The Redis stream this feed reads: also its authorization scope (opened only after the caller was checked). */
    public String streamKey() {
        return streamKey;
    }

    /** The cursor of the last message handed out: where a reconnecting client resumes. */
    public synchronized String cursor() {
        return lastSent;
    }

    void start(String position) {
        if (lastSent == null) {
            lastSent = position; // no cursor: live from the moment of registration
        }
    }

    /** Called by the hub's reader thread; never blocks. */
    synchronized void offer(LiveMessage message) {
        if (closed != null || queue.offer(message)) {
            return;
        }
        if (replaying) {
            overflowDuringReplay = true; // the next XRANGE round reads these from Redis again
            queue.clear();
        } else {
            close(new FeedClosedException("slow consumer: more than " + (queue.size()) + " messages behind", lastSent, false));
        }
    }

    /** Ends the feed; a thread waiting in {@link #next} wakes and gets the reason. */
    public synchronized void close(FeedClosedException reason) {
        if (closed == null) {
            closed = reason;
            queue.clear();
            queue.offer(POISON);
        }
    }

    /** The next message, or null when none arrived within {@code wait} (time for a ping). */
    public LiveMessage next(Duration wait) throws FeedClosedException, InterruptedException {
        if (closed != null) {
            throw closedNow();
        }
        if (replaying) {
            LiveMessage m = nextReplayed();
            if (m != null) {
                return m;
            }
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            LiveMessage m = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (m == null) {
                return null;
            }
            if (m == POISON) {
                throw closedNow();
            }
            synchronized (this) {
                if (StreamIds.compare(m.cursor(), lastSent) > 0) {
                    lastSent = m.cursor();
                    return m;
                }
            }
        }
    }

    /**
     * The reason the feed closed, with the cursor of the last message handed out by now: the hub may close the
     * feed while this thread is handing out one more message, and a resume from the older cursor would repeat it.
     */
    private synchronized FeedClosedException closedNow() {
        return new FeedClosedException(closed.getMessage(), lastSent, closed.retryLater());
    }

    private LiveMessage nextReplayed() {
        while (true) {
            LiveMessage m = replayed.poll();
            if (m != null) {
                synchronized (this) {
                    lastSent = m.cursor();
                }
                return m;
            }
            String from = replayed.isEmpty() ? lastSent : replayed.peekLast().cursor();
            List<StreamMessage<String, String>> page = hub.range(streamKey,
                    Range.create(from, "+"), Limit.create(0, REPLAY_PAGE));
            for (StreamMessage<String, String> e : page) {
                if (StreamIds.compare(e.getId(), from) > 0) {
                    replayed.add(LiveMessage.change(e.getId(), e.getBody()));
                }
            }
            if (!replayed.isEmpty()) {
                continue;
            }
            synchronized (this) {
                if (overflowDuringReplay) {
                    overflowDuringReplay = false; // read once more: what the queue dropped is in Redis
                    continue;
                }
                replaying = false;
                return null;
            }
        }
    }
}
