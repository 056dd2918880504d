package ge.dms.cdc.publish;

import ge.dms.schemas.cdc.ChangeEvent;

import java.time.Instant;

/** Told about every change event once Kafka has acknowledged it (metrics, latency measurement). */
@FunctionalInterface
public interface AckListener {

    AckListener NONE = (event, ackedAt) -> { };

    /** Called on the engine's thread: keep it cheap and never throw. */
    void acked(ChangeEvent event, Instant ackedAt);
}
