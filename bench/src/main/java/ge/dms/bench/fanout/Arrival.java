package ge.dms.bench.fanout;

/**
 * A change message as a driver's socket received it, with every time it carries. Times the message
 * does not carry are 0 ({@code trace} null): older servers send fewer, and a series is only recorded
 * from what is there.
 *
 * @param unassigned         {@code "change":"unassigned"}: the order left this driver (it carries no view)
 * @param driverName         the view's {@code order.driver.name}, or null (no view, or no driver in it)
 * @param commitMicros       the source commit: the view's {@code sourceCommitTime} (µs), else {@code commitMs} × 1000
 * @param redisMillis        the driver stream entry id's ms (the {@code cursor}): when Redis wrote the entry
 * @param trace              the projections' stamps ({@code "trace"}), or null
 * @param sentMillis         {@code "sentMs"}: when query-api wrote the frame to the socket, or 0
 * @param receivedNanos      System.nanoTime when the whole message was in
 * @param receivedWallMicros the wall clock (µs) at the same moment
 */
record Arrival(long driverId, long orderId, long version, boolean unassigned, String driverName, long commitMicros,
               long redisMillis, Trace trace, long sentMillis, long receivedNanos, long receivedWallMicros) {

    /**
     * The projections' hop stamps, epoch ms of the same host clock: when cdc-pipeline sent the change to
     * Kafka (the record's timestamp), when the Kafka Streams thread took it, when the view went to the Redis writer.
     */
    record Trace(long cdcMillis, long streamsMillis, long emitMillis) {
    }
}
