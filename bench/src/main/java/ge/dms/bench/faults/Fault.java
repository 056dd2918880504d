package ge.dms.bench.faults;

import java.util.List;

/**
 * One fault the scenario injects, as {@code kind:target}: {@code kill:<service>} (kill -9, e.g. {@code kill:projections},
 * {@code kill:projections-2} with {@code ./dev up --instances 2}), {@code restart:<server>} ({@code postgres},
 * {@code kafka}, {@code redis}, {@code redis-empty}, {@code read-postgres}), {@code pause:redis} (SIGSTOP).
 */
record Fault(String kind, String target) {

    /** Every fault of the full run, in the order they are injected. */
    static final List<String> ALL = List.of("kill:command-api", "kill:cdc-pipeline", "kill:projections", "kill:query-api",
            "restart:postgres", "restart:kafka", "restart:redis", "restart:redis-empty", "pause:redis", "restart:read-postgres");
    /** {@code --quick}: one of each kind that does not restart a shared server. */
    static final List<String> QUICK = List.of("kill:projections", "kill:query-api", "pause:redis");

    static Fault parse(String text) {
        String[] parts = text.strip().split(":", 2);
        if (parts.length != 2 || parts[1].isBlank() || !List.of("kill", "restart", "pause").contains(parts[0])) {
            throw new IllegalArgumentException("a fault is kill:<service>, restart:<server> or pause:redis, got '" + text + "'");
        }
        return new Fault(parts[0], parts[1].strip());
    }

    /** The control endpoint's path and query, without the window. */
    String path() {
        return switch (kind) {
            case "kill" -> "/fault/kill?service=" + target;
            case "restart" -> "/fault/restart-server?server=" + target;
            default -> "/fault/pause?server=" + target;
        };
    }

    @Override
    public String toString() {
        return kind + ":" + target;
    }
}
