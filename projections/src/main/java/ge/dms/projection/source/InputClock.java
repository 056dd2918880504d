package ge.dms.projection.source;

/**
 * When the stream thread began processing its current input record: the "streams in" stamp of the
 * per-hop trace. The parsing step, first after every change topic's source, sets it; a sink reads it
 * on the same thread while that record is still being processed (Kafka Streams processes one input
 * record at a time through the whole topology), so no header has to travel with the record.
 */
public final class InputClock {

    private static final ThreadLocal<long[]> STARTED = ThreadLocal.withInitial(() -> new long[1]);

    private InputClock() {
    }

    static void mark() {
        STARTED.get()[0] = System.currentTimeMillis();
    }

    /** Epoch ms at which this thread's current input record was taken up; 0 before any. */
    public static long millis() {
        return STARTED.get()[0];
    }
}
