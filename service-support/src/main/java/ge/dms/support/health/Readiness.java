package ge.dms.support.health;

import java.util.Map;

/**
 * What a service's readiness check found: ready or not, and the members of the {@code /health} body (each store's
 * {@code UP}/{@code DOWN}, or why it is down). A service provides one {@link Check} bean.
 */
public record Readiness(boolean ready, Map<String, String> details) {

    public Readiness {
        details = Map.copyOf(details);
    }

    public static Readiness up() {
        return new Readiness(true, Map.of());
    }

    public static Readiness down(String reason) {
        return new Readiness(false, Map.of("reason", reason));
    }

    /** The service's own readiness rule: which stores must answer. Runs on the blocking executor. */
    @FunctionalInterface
    public interface Check {
        Readiness check();
    }
}
