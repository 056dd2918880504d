package ge.dms.bench.platform;

import ge.dms.devstack.tokens.DevTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Admin tokens for several callers, handed out in turn. The query API limits each caller
 * ({@code role:id}) to 200 requests/s per instance; a board read at 500/s is many dispatchers' screens,
 * so the load is spread over enough callers that the limiter never answers 429 on its own account.
 */
public final class Callers {

    /** Requests per second one caller is given, well under the query API's default limit of 200. */
    static final double PER_CALLER = 120;
    /** Admin ids the scenarios use, far from real ones, so their rate-limit buckets are their own. */
    static final long FIRST_ID = 9_000_000;

    private final List<String> tokens = new ArrayList<>();
    private final AtomicLong next = new AtomicLong();

    private Callers(String secret, int count, long firstId) {
        for (int i = 0; i < count; i++) {
            tokens.add(DevTokens.mint(secret, "admin", firstId + i));
        }
    }

    /** Enough admin callers for {@code ratePerSecond}; {@code slot} keeps scenarios' ids apart. */
    public static Callers forRate(String secret, double ratePerSecond, int slot) {
        return new Callers(secret, count(ratePerSecond), FIRST_ID + slot * 1_000L);
    }

    static int count(double ratePerSecond) {
        return Math.max(1, (int) Math.ceil(ratePerSecond / PER_CALLER));
    }

    public String next() {
        return tokens.get((int) (next.getAndIncrement() % tokens.size()));
    }

    public int size() {
        return tokens.size();
    }
}
