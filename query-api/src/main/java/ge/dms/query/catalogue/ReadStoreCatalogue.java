package ge.dms.query.catalogue;

import ge.dms.query.http.ListPage;
import ge.dms.query.infra.ReadStore;
import ge.dms.query.order.ReadStoreOrders;
import ge.dms.readmodel.Trigram;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.JSONB;
import org.jooq.Record3;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static ge.dms.query.order.ReadStoreOrders.instant;
import static ge.dms.readmodel.jooq.Tables.PRODUCT_VIEW;

/**
 * The catalogue from the read-side {@code product_view}: name search (substring, or trigram-similar for
 * typos, on the GIN {@code pg_trgm} index), the admins' lists with inactive products, and the fallback when
 * Redis is down. Keyset on the product id; never OFFSET. Tombstones of deleted products are never served.
 */
@Singleton
public class ReadStoreCatalogue {

    /** {@code NOT deleted}: tombstones stay in the table (only-if-newer upserts) and are never served. */
    static final Condition NOT_DELETED = DSL.not(DSL.condition(PRODUCT_VIEW.DELETED));

    private final ReadStore store;

    public ReadStoreCatalogue(ReadStore store) {
        this.store = store;
    }

    public ListPage page(ProductFilter f) {
        List<Condition> where = new ArrayList<>(List.of(NOT_DELETED, PRODUCT_VIEW.PRODUCT_ID.gt(f.afterId())));
        if (f.active() != null) {
            where.add(PRODUCT_VIEW.ACTIVE.eq(f.active()));
        }
        if (f.category() != null) {
            where.add(PRODUCT_VIEW.CATEGORY.eq(f.category()));
        }
        if (f.q() != null) {
            where.add(PRODUCT_VIEW.NAME.likeIgnoreCase(ListPage.containing(f.q())).or(Trigram.similar(PRODUCT_VIEW.NAME, f.q())));
        }
        List<String> rows = new ArrayList<>();
        Instant newest = null;
        long lastId = 0;
        boolean more = false;
        try {
            for (Record3<Long, JSONB, OffsetDateTime> r : store.sql()
                    .select(PRODUCT_VIEW.PRODUCT_ID, PRODUCT_VIEW.VIEW, PRODUCT_VIEW.SOURCE_COMMIT_TIME)
                    .from(PRODUCT_VIEW).where(where)
                    .orderBy(PRODUCT_VIEW.PRODUCT_ID)
                    .limit(f.limit() + 1)
                    .fetch()) {
                if (rows.size() == f.limit()) {
                    more = true;
                    break;
                }
                lastId = r.value1();
                rows.add(text(r.value2()));
                newest = ListPage.newer(newest, instant(r.value3()));
            }
        } catch (DataAccessException e) {
            throw ReadStoreOrders.unavailable(e);
        }
        return new ListPage(rows, more ? ListPage.cursorAfter(lastId) : null, newest);
    }

    public Optional<RedisCatalogue.Found> find(long productId) {
        try {
            return store.sql().select(PRODUCT_VIEW.VIEW, PRODUCT_VIEW.ACTIVE, PRODUCT_VIEW.SOURCE_COMMIT_TIME)
                    .from(PRODUCT_VIEW)
                    .where(PRODUCT_VIEW.PRODUCT_ID.eq(productId)).and(NOT_DELETED)
                    .fetchOptional(r -> new RedisCatalogue.Found(text(r.value1()), r.value2(), instant(r.value3())));
        } catch (DataAccessException e) {
            throw ReadStoreOrders.unavailable(e);
        }
    }

    /** The view column is nullable (V5): null stays null, as {@code view::text} gave it. */
    private static String text(JSONB view) {
        return view == null ? null : view.data();
    }
}
