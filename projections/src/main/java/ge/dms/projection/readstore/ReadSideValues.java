package ge.dms.projection.readstore;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Values the read-side writers store alike: instants as UTC timestamptz, SQL NULL for a missing one. */
public final class ReadSideValues {

    private ReadSideValues() {
    }

    public static OffsetDateTime time(Instant value) {
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }
}
