package ge.dms.devstack.launcher;

import ge.dms.devstack.tokens.DevTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code ./dev token --role restaurant --id 7}: a bearer token for local use, signed with the dev secret. */
@Command(name = "token", description = "Print a dev JWT for a role (admin, restaurant, driver) and id.")
final class TokenCommand implements Callable<Integer> {

    @Option(names = "--role", required = true, description = "admin, restaurant or driver")
    private String role;

    @Option(names = "--id", description = "the restaurant's or driver's id (not needed for admin)")
    private Long id;

    @Option(names = "--hours", defaultValue = "12", description = "validity in hours (default ${DEFAULT-VALUE})")
    private long hours;

    @Override
    public Integer call() {
        String secret = DevSecret.resolve(System.getenv(), DevSecret.projectRoot());
        Console.out().println(DevTokens.mint(secret, role, id, Duration.ofHours(hours)));
        return 0;
    }
}
