package ge.dms.bench.platform;

/**
 * One question asked both ways: through the query API (the views) and as direct SQL on the write
 * side (the design this platform replaces). Each call throws {@link Failed} (or any exception) when
 * it did not get a proper answer.
 */
public record Probe(String name, Call api, Call sql) {

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
}
