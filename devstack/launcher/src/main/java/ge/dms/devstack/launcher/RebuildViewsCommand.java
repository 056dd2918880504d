package ge.dms.devstack.launcher;

import picocli.CommandLine.Command;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code ./dev rebuild-views}: asks the running {@code ./dev up} to drop every view and rebuild it from Kafka. */
@Command(name = "rebuild-views", description = "Drop every view (Redis, read side, Streams state) and rebuild it from Kafka.")
final class RebuildViewsCommand implements Callable<Integer> {

    static final String CONTROL_URL = "DMS_DEV_CONTROL_URL";

    @Override
    public Integer call() throws Exception {
        String control = System.getenv(CONTROL_URL);
        if (control == null || control.isBlank()) {
            Console.out().println("rebuild-views: no running ./dev up found (.dev/up.env has no " + CONTROL_URL + ")");
            return 2;
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(control).resolve("/rebuild-views")).timeout(Duration.ofMinutes(5))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        Console.out().print(response.body());
        return response.statusCode() == 200 ? 0 : 1;
    }
}
