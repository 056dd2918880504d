package ge.dms.bench.baseline;

import ge.dms.support.server.RunningService;

import java.util.Map;

/**
 * The old design as a peer of the query API: a Micronaut HTTP server of the product's version and wiring that
 * answers the board ({@code GET /api/restaurants/{id}/orders}), the order detail ({@code GET /api/orders/{id}}) and
 * the KPIs ({@code GET /api/analytics/kpis}) by SQL on the write-side PostgreSQL, with the query API's paths,
 * parameters, JSON and token check. Started by the bench ({@link BaselineProcess}), never part of the product.
 *
 * <p>Keys: {@code DMS_BASELINE_POSTGRES_URL}, {@code DMS_BASELINE_POSTGRES_USER}, {@code DMS_BASELINE_POSTGRES_PASSWORD},
 * {@code DMS_BASELINE_POOL_SIZE}, {@code DMS_JWT_SECRET}, {@code MICRONAUT_SERVER_PORT} ({@code -1}: a free one).
 */
public final class Baseline extends RunningService {

    /**
     * Every bean of the baseline requires this property, which only {@link #start} sets: the bench's class path also
     * starts the command API in-process (its tests), whose context must not pick up a second data source, filter or routes.
     */
    static final String ENABLED = "dms.baseline.enabled";

    private Baseline(Map<String, Object> properties) {
        super(properties);
    }

    public static Baseline start(Map<String, Object> properties) {
        Map<String, Object> enabled = new java.util.HashMap<>(properties);
        enabled.put(ENABLED, "true");
        return new Baseline(enabled);
    }
}
