import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container health check: {@code java -cp /opt/dms/healthcheck HealthCheck URL} exits 0 when
 * URL answers 200, 1 otherwise. The service images have no shell and no curl, only a Java runtime,
 * so the check is this class (compiled by the root build into every image, beside the app).
 * java.base only, so that it runs on the jlink'ed runtime and on any JRE base image alike.
 */
public final class HealthCheck {

    private HealthCheck() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java -cp /opt/dms/healthcheck HealthCheck http://127.0.0.1:PORT/health");
            System.exit(2);
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(args[0]).toURL().openConnection();
            // Below the compose health check's timeout, so a hung service reads as unhealthy, not as a timed-out check.
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(3_000);
            int status = connection.getResponseCode();
            if (status != 200) {
                System.err.println(args[0] + " answered " + status);
                System.exit(1);
            }
        } catch (IOException e) {
            System.err.println(args[0] + ": " + e);
            System.exit(1);
        }
    }
}
