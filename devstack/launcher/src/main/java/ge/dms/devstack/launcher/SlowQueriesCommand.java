package ge.dms.devstack.launcher;

import ge.dms.devstack.infra.Endpoints;
import ge.dms.devstack.infra.PostgresEndpoint;
import ge.dms.devstack.infra.SlowStatements;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ./dev slow-queries}: the statements that cost the write side and the read side the most
 * (pg_stat_statements), by total and by mean time, for the running {@code ./dev up} (its
 * {@code .dev/up.env}) or any databases named by the {@code DMS_*POSTGRES*} variables.
 */
@Command(name = "slow-queries", description = "Top statements by total and mean time on both databases (pg_stat_statements).")
final class SlowQueriesCommand implements Callable<Integer> {

    private static final int QUERY_WIDTH = 110;

    @Option(names = "--top", defaultValue = "10", description = "statements per list (default ${DEFAULT-VALUE})")
    private int top;

    @Option(names = "--reset", description = "forget the figures gathered so far instead of printing them")
    private boolean reset;

    @Override
    public Integer call() {
        Map<String, String> env = System.getenv();
        if (env.get(Endpoints.POSTGRES_URL) == null) {
            Console.out().println("slow-queries: no running ./dev up found (.dev/up.env has no " + Endpoints.POSTGRES_URL + ")");
            return 2;
        }
        PostgresEndpoint write = endpoint(env, Endpoints.POSTGRES_URL, Endpoints.POSTGRES_USER, Endpoints.POSTGRES_PASSWORD);
        PostgresEndpoint read = env.get(Endpoints.READ_POSTGRES_URL) == null ? null
                : endpoint(env, Endpoints.READ_POSTGRES_URL, Endpoints.READ_POSTGRES_USER, Endpoints.READ_POSTGRES_PASSWORD);
        PrintStream out = Console.out();
        int failures = 0;
        for (PostgresEndpoint db : read == null ? List.of(write) : List.of(write, read)) {
            try {
                if (reset) {
                    SlowStatements.reset(db);
                    out.println(db.database() + ": figures reset");
                    continue;
                }
                print(out, db, SlowStatements.Order.TOTAL);
                print(out, db, SlowStatements.Order.MEAN);
            } catch (SQLException | IllegalArgumentException e) {
                out.println(db.database() + ": " + e.getMessage());
                failures++;
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private void print(PrintStream out, PostgresEndpoint db, SlowStatements.Order order) throws SQLException {
        out.printf("%n%s, top %d by %s time%n", db.database(), top, order.name().toLowerCase(Locale.ROOT));
        out.printf("%10s %12s %10s %10s %10s  %s%n", "calls", "total ms", "mean ms", "max ms", "rows", "statement");
        for (SlowStatements.Row r : SlowStatements.top(db, order, top)) {
            out.printf(Locale.ROOT, "%10d %12.1f %10.2f %10.1f %10d  %s%n", r.calls(), r.totalMs(), r.meanMs(), r.maxMs(), r.rows(),
                    r.query().length() > QUERY_WIDTH ? r.query().substring(0, QUERY_WIDTH - 1) + "…" : r.query());
        }
    }

    private static PostgresEndpoint endpoint(Map<String, String> env, String url, String user, String password) {
        return new PostgresEndpoint(env.get(url), env.getOrDefault(user, ""), env.getOrDefault(password, ""));
    }
}
