package ge.dms.cdc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Writes restaurants rows, one committed transaction per row: each is one change to capture. */
final class ChangeWriter {

    private ChangeWriter() {
    }

    static void insertRestaurants(CdcFixture db, long fromId, long toId) {
        try (Connection c = db.connect();
             PreparedStatement insert = c.prepareStatement("INSERT INTO restaurants (id, name, city) VALUES (?, ?, 'თბილისი')")) {
            for (long id = fromId; id <= toId; id++) {
                insert.setLong(1, id);
                insert.setString(2, "restaurant " + id);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
