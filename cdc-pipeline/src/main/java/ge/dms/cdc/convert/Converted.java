package ge.dms.cdc.convert;

import ge.dms.schemas.cdc.ChangeEvent;
import ge.dms.schemas.cdc.DeadLetter;
import ge.dms.schemas.cdc.TransactionEvent;

/** What one Debezium record becomes: a change, a transaction boundary, nothing to publish, or a dead letter. */
public sealed interface Converted {

    record Change(ChangeEvent event) implements Converted {
    }

    record Transaction(TransactionEvent event) implements Converted {
    }

    /** Heartbeats and logical decoding messages: they only move the offset forward. */
    record Skip(String what) implements Converted {
    }

    record Dead(DeadLetter letter) implements Converted {
    }
}
