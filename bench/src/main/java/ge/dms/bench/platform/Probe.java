package ge.dms.bench.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One question asked several ways, by side: through the query API (the views, {@code api}), through the baseline
 * server of the old design ({@code baseline}), and as direct SQL from the bench process ({@code sql}). A side a
 * question is not asked on has no call. Each call throws {@link Failed} (or any exception) when it did not get a
 * proper answer.
 */
public record Probe(String name, Map<String, Call> calls) {

    public static final String API = "api";
    public static final String BASELINE = "baseline";
    public static final String SQL = "sql";

    /** One request; returns normally only on a proper answer. */
    @FunctionalInterface
    public interface Call {
        void run() throws Exception;
    }

    /** A wrong answer, with the kind it is counted under (e.g. the HTTP status). */
    public static final class Failed extends RuntimeException {
        public Failed(String kind) {
            super(kind, null, false, false);
        }
    }

    public Probe {
        calls = new LinkedHashMap<>(calls);
    }

    /** Asked through the query API and as direct SQL. */
    public Probe(String name, Call api, Call sql) {
        this(name, Map.of(API, api, SQL, sql));
    }

    /** The same question asked on one more side. */
    public Probe with(String side, Call call) {
        Map<String, Call> more = new LinkedHashMap<>(calls);
        more.put(side, call);
        return new Probe(name, more);
    }

    /** The call of that side, or null when the question is not asked there. */
    public Call on(String side) {
        return calls.get(side);
    }
}
