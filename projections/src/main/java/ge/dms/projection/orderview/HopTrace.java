package ge.dms.projection.orderview;

/**
 * Where a change's time went on its way through the projections, in epoch ms of this host's clock:
 * when cdc-pipeline sent it to Kafka (the source record's timestamp), when the stream thread took it
 * up, and when its view was handed to the Redis writer. The driver's change stream carries it as
 * {@code trace} ({@link #stored()}); query-api puts it on the socket message, and the bench turns it
 * into per-hop histograms. Only views made by the hot path carry one.
 */
public record HopTrace(long cdcSentMs, long streamsInMs, long emittedMs) {

    /** {@code <cdc sent>,<streams in>,<emitted>}: the form kept in the Redis stream entry. */
    public String stored() {
        return cdcSentMs + "," + streamsInMs + "," + emittedMs;
    }
}
