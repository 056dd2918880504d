package ge.dms.query.party;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ge.dms.query.http.ListPage;
import ge.dms.query.infra.ReadStore;
import ge.dms.query.order.ReadStoreOrders;
import ge.dms.schemas.serde.Json;
import ge.dms.readmodel.Trigram;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static ge.dms.query.order.ReadStoreOrders.instant;

/**
 * Restaurants and drivers from the read-side {@code restaurant_view} / {@code driver_view} (written by the
 * projections' catalogue application): keyset pages on the id, name search (substring or trigram-similar),
 * active filter; tombstones of deleted rows are never served.
 */
@Singleton
public class ReadStoreParties {

    private final ReadStore store;

    public ReadStoreParties(ReadStore store) {
        this.store = store;
    }

    Page page(PartyKind kind, PartyFilter f) {
        List<Condition> where = new ArrayList<>(List.of(notDeleted(kind), kind.id.gt(f.afterId())));
        if (f.active() != null) {
            where.add(kind.common.active().eq(f.active()));
        }
        if (f.q() != null) {
            where.add(kind.common.name().likeIgnoreCase(ListPage.containing(f.q())).or(Trigram.similar(kind.common.name(), f.q())));
        }
        List<ObjectNode> rows = new ArrayList<>();
        Instant newest = null;
        boolean more = false;
        try {
            for (Record r : store.sql().select(kind.columns).from(kind.table).where(where)
                    .orderBy(kind.id).limit(f.limit() + 1).fetch()) {
                if (rows.size() == f.limit()) {
                    more = true;
                    break;
                }
                rows.add(row(kind, r));
                newest = ListPage.newer(newest, instant(r.get(kind.common.sourceCommitTime())));
            }
        } catch (DataAccessException e) {
            throw ReadStoreOrders.unavailable(e);
        }
        String next = more ? ListPage.cursorAfter(rows.getLast().get(kind.idField).asLong()) : null;
        return new Page(rows, next, newest);
    }

    Optional<ObjectNode> find(PartyKind kind, long id) {
        try {
            return store.sql().select(kind.columns).from(kind.table).where(kind.id.eq(id)).and(notDeleted(kind))
                    .fetchOptional(r -> row(kind, r));
        } catch (DataAccessException e) {
            throw ReadStoreOrders.unavailable(e);
        }
    }

    /** {@code NOT deleted}: tombstones stay in the table (only-if-newer upserts) and are never served. */
    private static Condition notDeleted(PartyKind kind) {
        return DSL.not(DSL.condition(kind.common.deleted()));
    }

    /** The row as JSON: the id, the kind's text columns, active, times, the last editor, the source commit time. */
    private static ObjectNode row(PartyKind kind, Record r) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put(kind.idField, r.get(kind.id));
        for (var column : kind.textColumns) {
            node.put(column.getName(), r.get(column));
        }
        node.put("active", r.get(kind.common.active()));
        putTime(node, "createdAt", r.get(kind.common.createdAt()));
        putTime(node, "updatedAt", r.get(kind.common.updatedAt()));
        node.put("updatedByRole", r.get(kind.common.updatedByRole()));
        Long by = r.get(kind.common.updatedById());
        if (by == null) {
            node.putNull("updatedById");
        } else {
            node.put("updatedById", by);
        }
        putTime(node, "sourceCommitTime", r.get(kind.common.sourceCommitTime()));
        return node;
    }

    private static void putTime(ObjectNode node, String field, OffsetDateTime t) {
        if (t == null) {
            node.putNull(field);
        } else {
            node.put(field, t.toInstant().toString());
        }
    }

    /** Rows (still mutable: drivers get their load added), the next cursor, the newest commit time. */
    record Page(List<ObjectNode> rows, String nextCursor, Instant newest) {
    }
}
