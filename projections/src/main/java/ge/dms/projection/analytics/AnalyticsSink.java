package ge.dms.projection.analytics;

/** Where the analytics rows go (the read-side PostgreSQL). Each call carries a row's whole new state, so a replay is harmless. */
@FunctionalInterface
public interface AnalyticsSink {

    AnalyticsSink NONE = (key, figures) -> { };

    void write(AnalyticsKey key, DailyFigures figures);
}
