package ge.dms.query.analytics;

import ge.dms.readmodel.jooq.tables.records.AnalyticsDailyRecord;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import static ge.dms.readmodel.jooq.Tables.ANALYTICS_DAILY;
import static ge.dms.readmodel.jooq.Tables.ANALYTICS_HISTOGRAM_BUCKET;
import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.unnest;

/**
 * The KPIs in one round trip: the scope's {@code analytics_daily} rows once ({@code WITH r AS MATERIALIZED}), their
 * sums ({@code t}), the histograms merged element-wise over the rows ({@code p}, {@code c}: {@code unnest ... WITH
 * ORDINALITY}, summed per position, aggregated back in order), the status counts summed per status ({@code s}, from
 * {@code jsonb_each_text}) and the bucket bounds ({@code b}). The fields below name the answer's columns.
 */
final class AnalyticsKpiQuery {

    static final Field<BigDecimal> ORDERS = field(name("t", "orders"), SQLDataType.NUMERIC);
    static final Field<BigDecimal> DELIVERED = field(name("t", "delivered"), SQLDataType.NUMERIC);
    static final Field<BigDecimal> REVENUE = field(name("t", "revenue"), SQLDataType.NUMERIC);
    static final Field<BigDecimal> PICKUP_SECONDS = field(name("t", "pickup_seconds"), SQLDataType.NUMERIC);
    static final Field<BigDecimal> PICKUP_COUNT = field(name("t", "pickup_count"), SQLDataType.NUMERIC);
    static final Field<BigDecimal> CREATED_SECONDS = field(name("t", "created_seconds"), SQLDataType.NUMERIC);
    static final Field<BigDecimal> CREATED_COUNT = field(name("t", "created_count"), SQLDataType.NUMERIC);
    static final Field<BigDecimal> ON_TIME = field(name("t", "on_time"), SQLDataType.NUMERIC);
    static final Field<BigDecimal> ELIGIBLE = field(name("t", "eligible"), SQLDataType.NUMERIC);
    static final Field<OffsetDateTime> UPDATED = field(name("t", "updated"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    static final Field<Long[]> PICKUP_HISTOGRAM = field(name("p", "merged"), SQLDataType.BIGINT.array());
    static final Field<Long[]> CREATED_HISTOGRAM = field(name("c", "merged"), SQLDataType.BIGINT.array());
    static final Field<String[]> STATUSES = field(name("s", "statuses"), SQLDataType.CLOB.array());
    static final Field<Long[]> STATUS_COUNTS = field(name("s", "counts"), SQLDataType.BIGINT.array());
    static final Field<Integer[]> BOUNDS = field(name("b", "bounds"), SQLDataType.INTEGER.array());

    private AnalyticsKpiQuery() {
    }

    static ResultQuery<?> of(DSLContext sql, AnalyticsScope scope) {
        CommonTableExpression<AnalyticsDailyRecord> r = name("r")
                .asMaterialized(sql.selectFrom(ANALYTICS_DAILY).where(scope.condition()));
        return sql.with(r)
                .select(ORDERS, DELIVERED, REVENUE, PICKUP_SECONDS, PICKUP_COUNT, CREATED_SECONDS, CREATED_COUNT, ON_TIME,
                        ELIGIBLE, UPDATED, PICKUP_HISTOGRAM, CREATED_HISTOGRAM, STATUSES, STATUS_COUNTS, BOUNDS)
                .from(totals(r), merged(r, ANALYTICS_DAILY.PICKUP_TO_DELIVERY_HISTOGRAM, "p"),
                        merged(r, ANALYTICS_DAILY.CREATED_TO_DELIVERY_HISTOGRAM, "c"), statuses(r), bounds());
    }

    private static Table<?> totals(CommonTableExpression<AnalyticsDailyRecord> r) {
        return select(total(r, ANALYTICS_DAILY.ORDERS, ORDERS), total(r, ANALYTICS_DAILY.DELIVERED_COUNT, DELIVERED),
                total(r, ANALYTICS_DAILY.DELIVERED_REVENUE, REVENUE),
                total(r, ANALYTICS_DAILY.PICKUP_TO_DELIVERY_SECONDS, PICKUP_SECONDS),
                total(r, ANALYTICS_DAILY.PICKUP_TO_DELIVERY_COUNT, PICKUP_COUNT),
                total(r, ANALYTICS_DAILY.CREATED_TO_DELIVERY_SECONDS, CREATED_SECONDS),
                total(r, ANALYTICS_DAILY.CREATED_TO_DELIVERY_COUNT, CREATED_COUNT),
                total(r, ANALYTICS_DAILY.ON_TIME_COUNT, ON_TIME), total(r, ANALYTICS_DAILY.ON_TIME_ELIGIBLE, ELIGIBLE),
                max(r.field(ANALYTICS_DAILY.UPDATED_AT)).as(UPDATED.getUnqualifiedName()))
                .from(r).asTable("t");
    }

    /** {@code coalesce(sum(r.column), 0) AS name}. */
    private static Field<BigDecimal> total(CommonTableExpression<AnalyticsDailyRecord> r, Field<? extends Number> column,
                                           Field<BigDecimal> as) {
        return coalesce(sum(r.field(column)), inline(BigDecimal.ZERO)).as(as.getUnqualifiedName());
    }

    /** One histogram column merged over the rows: {@code array_agg(n ORDER BY i)} of the per-position sums. */
    private static Table<?> merged(CommonTableExpression<AnalyticsDailyRecord> r, Field<Long[]> histogram, String alias) {
        Table<?> u = unnest(r.field(histogram)).withOrdinality().as("u", "v", "i");
        Field<Long> v = field(name("u", "v"), SQLDataType.BIGINT);
        Field<Long> i = field(name("u", "i"), SQLDataType.BIGINT);
        Table<?> h = select(i, sum(v).cast(SQLDataType.BIGINT).as("n")).from(r, u).groupBy(i).asTable("h");
        return select(arrayAgg(h.field("n", SQLDataType.BIGINT)).orderBy(h.field("i", SQLDataType.BIGINT)).as("merged"))
                .from(h).asTable(alias);
    }

    /** The status counts summed per status: parallel arrays of statuses and counts, by status. */
    private static Table<?> statuses(CommonTableExpression<AnalyticsDailyRecord> r) {
        Table<?> e = table("jsonb_each_text({0})", r.field(ANALYTICS_DAILY.STATUS_COUNTS)).as("e");
        Field<String> key = field(name("e", "key"), SQLDataType.CLOB);
        Field<String> value = field(name("e", "value"), SQLDataType.CLOB);
        Table<?> x = select(key.as("k"), sum(value.cast(SQLDataType.BIGINT)).cast(SQLDataType.BIGINT).as("n"))
                .from(r, e).groupBy(key).asTable("x");
        Field<String> k = x.field("k", SQLDataType.CLOB);
        return select(arrayAgg(k).orderBy(k).as("statuses"), arrayAgg(x.field("n", SQLDataType.BIGINT)).orderBy(k).as("counts"))
                .from(x).asTable("s");
    }

    private static Table<?> bounds() {
        return select(arrayAgg(ANALYTICS_HISTOGRAM_BUCKET.UPPER_MINUTES).orderBy(ANALYTICS_HISTOGRAM_BUCKET.BUCKET).as("bounds"))
                .from(ANALYTICS_HISTOGRAM_BUCKET).asTable("b");
    }
}
