package ge.dms.bench.commands;

import java.time.Duration;
import java.util.Locale;

/** Durations as people type them: {@code 30s}, {@code 500ms}, {@code 2m}, or ISO-8601 {@code PT30S}. */
public final class Durations {

    private Durations() {
    }

    public static Duration parse(String text, String fallback) {
        String value = (text == null ? fallback : text).strip().toLowerCase(Locale.ROOT);
        if (value.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        if (value.startsWith("p")) {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        }
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("not a duration: " + text + " (e.g. 30s, 500ms, 2m, PT30S)");
        };
    }
}
