package ge.dms.devstack.launcher;

import ge.dms.devstack.launcher.check.ViewCheck;
import ge.dms.schemas.view.RedisKeys;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ./dev check-views}: compares the write side with Redis and the read side ({@link ViewCheck}), configured by
 * the {@code DMS_*} variables (those of the running {@code ./dev up}, from {@code .dev/up.env}). Exit status 1 on drift.
 */
@Command(name = "check-views", description = "Compare the write side with Redis and the read side; exit status 1 on drift.")
final class CheckViewsCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = System.getenv();
        if (env.get("DMS_POSTGRES_URL") == null) {
            Console.out().println("check-views: no running ./dev up found (.dev/up.env) and no DMS_POSTGRES_URL set");
            return 2;
        }
        List<ViewCheck.Drift> drift = ViewCheck.check(
                new ViewCheck.Database(env.get("DMS_POSTGRES_URL"), env.get("DMS_POSTGRES_USER"), env.get("DMS_POSTGRES_PASSWORD")),
                new ViewCheck.Database(env.get("DMS_READ_POSTGRES_URL"), env.get("DMS_READ_POSTGRES_USER"),
                        env.get("DMS_READ_POSTGRES_PASSWORD")),
                env.get("DMS_REDIS_URL"), new RedisKeys(env.getOrDefault("DMS_REDIS_KEY_PREFIX", "dms:")));
        drift.forEach(d -> Console.out().println("drift " + d.subject() + " in " + d.where() + ": write side " + d.expected()
                + ", view " + d.actual()));
        Console.out().println(drift.isEmpty() ? "check-views: no drift" : "check-views: " + drift.size() + " view(s) drifted from the write side");
        return drift.isEmpty() ? 0 : 1;
    }
}
