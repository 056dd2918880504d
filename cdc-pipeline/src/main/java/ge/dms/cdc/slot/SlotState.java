package ge.dms.cdc.slot;

/**
 * The replication slot as PostgreSQL reports it.
 *
 * @param exists        whether {@code pg_replication_slots} lists it
 * @param active        whether a walsender streams from it now
 * @param walStatus     reserved, extended, unreserved or lost (PostgreSQL 13+)
 * @param retainedBytes WAL kept for the slot: current LSN minus restart_lsn
 * @param lagBytes      WAL not yet confirmed by the pipeline: current LSN minus confirmed_flush_lsn
 */
public record SlotState(boolean exists, boolean active, String walStatus, long retainedBytes, long lagBytes) {

    public static final SlotState UNKNOWN = new SlotState(false, false, "unknown", -1, -1);

    public boolean lost() {
        return "lost".equals(walStatus);
    }
}
