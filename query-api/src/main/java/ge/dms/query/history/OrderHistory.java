package ge.dms.query.history;

import java.time.Instant;
import java.util.List;

/**
 * An order's status history, oldest first: {@code {"orderId":42,"changes":[{changeId, from, to, at, actor{role,id},
 * reason}]}}. {@code from} is null for the placement; {@code actor.id} is null for admins and the system.
 */
public record OrderHistory(long orderId, List<Change> changes) {

    public record Change(long changeId, String from, String to, Instant at, Actor actor, String reason) {
    }

    public record Actor(String role, Long id) {
    }
}
