package ge.dms.projection.analytics;

import ge.dms.schemas.order.OrderStatus;
import ge.dms.schemas.view.OrderView;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one {@link AnalyticsKey}, and also the contribution of one order to them
 * ({@link #of}): the aggregate adds an order's contribution and subtracts its previous one, so an
 * order moving between statuses moves its count, and a replayed view changes nothing.
 *
 * <p>Delivery times are kept as sums and counts (for the mean) and as histograms over
 * {@link #BUCKET_UPPER_MINUTES} (for p50/p90 with bucket precision; the last bucket is open-ended).
 */
public record DailyFigures(long orders,
                           Map<String, Long> byStatus,
                           long deliveredCount,
                           BigDecimal deliveredRevenue,
                           long pickupToDeliverySeconds,
                           long pickupToDeliveryCount,
                           long createdToDeliverySeconds,
                           long createdToDeliveryCount,
                           List<Long> pickupToDeliveryHistogram,
                           List<Long> createdToDeliveryHistogram,
                           long onTimeCount,
                           long onTimeEligible) {

    /** Upper bounds (inclusive, minutes) of the histogram buckets; one more bucket holds everything longer. */
    public static final List<Integer> BUCKET_UPPER_MINUTES =
            List.of(5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 90, 120, 150, 180, 240, 360, 720, 1440);

    public DailyFigures {
        byStatus = new TreeMap<>(byStatus == null ? Map.of() : byStatus);
        byStatus.values().removeIf(n -> n == 0);
        deliveredRevenue = deliveredRevenue == null ? BigDecimal.ZERO : deliveredRevenue;
        pickupToDeliveryHistogram = histogram(pickupToDeliveryHistogram);
        createdToDeliveryHistogram = histogram(createdToDeliveryHistogram);
    }

    public static DailyFigures empty() {
        return new DailyFigures(0, Map.of(), 0, BigDecimal.ZERO, 0, 0, 0, 0, null, null, 0, 0);
    }

    /** What one order contributes. */
    public static DailyFigures of(OrderView v) {
        boolean delivered = OrderStatus.DELIVERED.value().equals(v.status()) && v.deliveredAt() != null;
        long pickupSeconds = -1;
        long createdSeconds = -1;
        List<Long> pickupHistogram = histogram(null);
        List<Long> createdHistogram = histogram(null);
        if (delivered && v.pickedUpAt() != null) {
            pickupSeconds = Math.max(0, Duration.between(v.pickedUpAt(), v.deliveredAt()).toSeconds());
            pickupHistogram.set(bucket(pickupSeconds), 1L);
        }
        if (delivered && v.createdAt() != null) {
            createdSeconds = Math.max(0, Duration.between(v.createdAt(), v.deliveredAt()).toSeconds());
            createdHistogram.set(bucket(createdSeconds), 1L);
        }
        boolean eligible = delivered && v.requestedDeliveryAt() != null;
        boolean onTime = eligible && !v.deliveredAt().isAfter(v.requestedDeliveryAt());
        return new DailyFigures(1, Map.of(v.status(), 1L), delivered ? 1 : 0,
                delivered && v.totalAmount() != null ? v.totalAmount() : BigDecimal.ZERO,
                Math.max(pickupSeconds, 0), pickupSeconds >= 0 ? 1 : 0,
                Math.max(createdSeconds, 0), createdSeconds >= 0 ? 1 : 0,
                pickupHistogram, createdHistogram, onTime ? 1 : 0, eligible ? 1 : 0);
    }

    public DailyFigures plus(DailyFigures o) {
        return combine(o, 1);
    }

    public DailyFigures minus(DailyFigures o) {
        return combine(o, -1);
    }

    /** Average order value of delivered orders, or zero. */
    public BigDecimal averageDeliveredValue() {
        return deliveredCount == 0 ? BigDecimal.ZERO
                : deliveredRevenue.divide(BigDecimal.valueOf(deliveredCount), 2, java.math.RoundingMode.HALF_UP);
    }

    /** Upper bound in minutes of the bucket holding quantile {@code q} (0..1), or -1 with no data; MAX_VALUE for the open bucket. */
    public static int percentileMinutes(List<Long> histogram, double q) {
        long total = histogram.stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return -1;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < histogram.size(); i++) {
            seen += histogram.get(i);
            if (seen >= rank) {
                return i < BUCKET_UPPER_MINUTES.size() ? BUCKET_UPPER_MINUTES.get(i) : Integer.MAX_VALUE;
            }
        }
        return Integer.MAX_VALUE;
    }

    private DailyFigures combine(DailyFigures o, int sign) {
        Map<String, Long> statuses = new TreeMap<>(byStatus);
        o.byStatus.forEach((status, n) -> statuses.merge(status, sign * n, Long::sum));
        return new DailyFigures(orders + sign * o.orders, statuses, deliveredCount + sign * o.deliveredCount,
                sign > 0 ? deliveredRevenue.add(o.deliveredRevenue) : deliveredRevenue.subtract(o.deliveredRevenue),
                pickupToDeliverySeconds + sign * o.pickupToDeliverySeconds, pickupToDeliveryCount + sign * o.pickupToDeliveryCount,
                createdToDeliverySeconds + sign * o.createdToDeliverySeconds, createdToDeliveryCount + sign * o.createdToDeliveryCount,
                add(pickupToDeliveryHistogram, o.pickupToDeliveryHistogram, sign),
                add(createdToDeliveryHistogram, o.createdToDeliveryHistogram, sign),
                onTimeCount + sign * o.onTimeCount, onTimeEligible + sign * o.onTimeEligible);
    }

    private static List<Long> add(List<Long> a, List<Long> b, int sign) {
        List<Long> sum = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            sum.add(a.get(i) + sign * b.get(i));
        }
        return sum;
    }

    private static int bucket(long seconds) {
        for (int i = 0; i < BUCKET_UPPER_MINUTES.size(); i++) {
            if (seconds <= BUCKET_UPPER_MINUTES.get(i) * 60L) {
                return i;
            }
        }
        return BUCKET_UPPER_MINUTES.size();
    }

    private static List<Long> histogram(List<Long> given) {
        int size = BUCKET_UPPER_MINUTES.size() + 1;
        List<Long> h = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            h.add(given != null && i < given.size() ? given.get(i) : 0L);
        }
        return h;
    }
}
