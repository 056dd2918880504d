package ge.dms.bench.faults;

import ge.dms.bench.platform.Db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Whether every change the command API acknowledged is in the write side: its order at that version or later. */
final class WriteSide {

    private WriteSide() {
    }

    /** How many of {@code acks} the write side holds (versions only grow, and only by acknowledged changes). */
    static long present(Db db, List<Timeline.Ack> acks) throws SQLException {
        if (acks.isEmpty()) {
            return 0;
        }
        Map<Long, Long> versions = new HashMap<>();
        try (Connection connection = db.connect();
             PreparedStatement query = connection.prepareStatement("SELECT id, version FROM orders WHERE id = ANY (?)")) {
            Array ids = connection.createArrayOf("bigint", acks.stream().map(Timeline.Ack::orderId).distinct().toArray());
            query.setArray(1, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.put(rows.getLong(1), rows.getLong(2));
                }
            }
        }
        return acks.stream().filter(a -> versions.getOrDefault(a.orderId(), -1L) >= a.version()).count();
    }
}
