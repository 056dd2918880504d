package ge.dms.bench.data;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * When orders are placed: {@code months} of days up to {@code end}, in Tbilisi local time, with
 * lunch (11–13) and dinner (17–19) ordering peaks, a quiet Sunday and slow growth over the period.
 * Emits creation times in ascending order, so order ids grow with time as they would in production.
 */
final class OrderTimeline {

    static final ZoneId TBILISI = ZoneId.of("Asia/Tbilisi");

    /** Relative ordering activity per local hour 0..23. */
    static final double[] HOUR_WEIGHTS = {0.05, 0.05, 0.05, 0.05, 0.05, 0.1, 0.2, 0.5, 1.0, 1.5, 2.5, 4.0,
            4.5, 3.5, 2.0, 1.5, 2.0, 3.0, 4.0, 3.5, 2.0, 1.2, 0.6, 0.2};

    private final LocalDate firstDay;
    private final ZonedDateTime end;
    private final int days;

    OrderTimeline(Instant end, int months) {
        this.end = end.atZone(TBILISI);
        this.firstDay = this.end.toLocalDate().minusMonths(months);
        this.days = (int) (this.end.toLocalDate().toEpochDay() - firstDay.toEpochDay()) + 1;
    }

    Instant start() {
        return firstDay.atStartOfDay(TBILISI).toInstant();
    }

    /** Calls {@code sink} {@code total} times with ascending creation times. */
    void forEach(SplittableRandom random, int total, Consumer<Instant> sink) {
        double[] weights = new double[days];
        for (int d = 0; d < days; d++) {
            LocalDate day = firstDay.plusDays(d);
            double weekday = day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.6 : day.getDayOfWeek() == DayOfWeek.SATURDAY ? 1.1 : 1.0;
            double growth = 0.85 + 0.3 * d / Math.max(1, days - 1);
            weights[d] = weekday * growth * openFraction(day);
        }
        double sum = Arrays.stream(weights).sum();
        double cumulative = 0;
        long emitted = 0;
        for (int d = 0; d < days; d++) {
            cumulative += weights[d];
            long target = d == days - 1 ? total : Math.round(total * cumulative / sum);
            int count = (int) (target - emitted);
            emitted = target;
            long[] times = new long[count];
            for (int i = 0; i < count; i++) {
                times[i] = timeOn(random, firstDay.plusDays(d));
            }
            Arrays.sort(times);
            for (long t : times) {
                sink.accept(Instant.ofEpochSecond(t));
            }
        }
    }

    /** The share of a day's ordering activity that lies before {@code end} (1 for every day but the last). */
    private double openFraction(LocalDate day) {
        if (!day.equals(end.toLocalDate())) {
            return 1;
        }
        double before = 0;
        for (int h = 0; h < 24; h++) {
            before += HOUR_WEIGHTS[h] * Math.clamp((end.toLocalTime().toSecondOfDay() - h * 3600) / 3600.0, 0, 1);
        }
        return before / Arrays.stream(HOUR_WEIGHTS).sum();
    }

    private long timeOn(SplittableRandom random, LocalDate day) {
        long limit = day.equals(end.toLocalDate()) ? end.toLocalTime().toSecondOfDay() : 86_400;
        for (int attempt = 0; attempt < 100; attempt++) {
            int hour = hour(random);
            long second = hour * 3600L + random.nextInt(3600);
            if (second < limit) {
                return day.atStartOfDay(TBILISI).toEpochSecond() + second;
            }
        }
        return day.atStartOfDay(TBILISI).toEpochSecond() + random.nextLong(Math.max(1, limit));
    }

    private static int hour(SplittableRandom random) {
        double x = random.nextDouble() * Arrays.stream(HOUR_WEIGHTS).sum();
        for (int h = 0; h < 24; h++) {
            x -= HOUR_WEIGHTS[h];
            if (x < 0) {
                return h;
            }
        }
        return 23;
    }
}
