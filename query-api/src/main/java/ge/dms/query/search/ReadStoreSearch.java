package ge.dms.query.search;

import ge.dms.query.http.ListPage;
import ge.dms.query.infra.ReadStore;
import ge.dms.query.order.ReadStoreOrders;
import ge.dms.readmodel.Trigram;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import static ge.dms.readmodel.jooq.Tables.ORDER_VIEW;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.greatest;

/**
 * Orders by reference or restaurant name from the read-side {@code order_view}: substring ({@code ILIKE}) or
 * trigram-similar ({@code %}), both served by the GIN {@code pg_trgm} indexes on the two columns (V1), best match
 * first. A database failure is a 503.
 */
@Singleton
public class ReadStoreSearch {

    private final ReadStore store;

    public ReadStoreSearch(ReadStore store) {
        this.store = store;
    }

    /**
     * Up to {@code limit} orders matching {@code text} (trimmed, 1 to 100 characters), among a restaurant's or a
     * driver's own when {@code restaurantId} or {@code driverId} is given (at most one of them).
     */
    public ReadStoreOrders.Page search(String text, Long restaurantId, Long driverId, int limit) {
        String like = ListPage.containing(text);
        Condition scope = restaurantId != null ? ORDER_VIEW.RESTAURANT_ID.eq(restaurantId)
                : driverId != null ? ORDER_VIEW.DRIVER_ID.eq(driverId) : DSL.noCondition();
        try {
            return ReadStoreOrders.collect(store.sql().select(ORDER_VIEW.VIEW, ORDER_VIEW.SOURCE_COMMIT_TIME)
                    .from(ORDER_VIEW)
                    .where(ORDER_VIEW.REFERENCE.likeIgnoreCase(like)
                            .or(ORDER_VIEW.RESTAURANT_NAME.likeIgnoreCase(like))
                            .or(Trigram.similar(ORDER_VIEW.REFERENCE, text))
                            .or(Trigram.similar(ORDER_VIEW.RESTAURANT_NAME, text)))
                    .and(scope)
                    .orderBy(greatest(Trigram.similarity(ORDER_VIEW.REFERENCE, text),
                                    Trigram.similarity(coalesce(ORDER_VIEW.RESTAURANT_NAME, ""), text)).desc(),
                            ORDER_VIEW.ORDER_ID.desc())
                    .limit(limit));
        } catch (DataAccessException e) {
            throw ReadStoreOrders.unavailable(e);
        }
    }
}
