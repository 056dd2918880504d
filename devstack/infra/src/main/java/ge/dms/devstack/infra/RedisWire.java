package ge.dms.devstack.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The two commands {@link EmbeddedRedisServer} sends its own process in Redis' inline protocol, over a plain socket:
 * this module has no Redis client of its own (Lettuce is a test dependency here), and these need none.
 */
final class RedisWire {

    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private RedisWire() {
    }

    /** The server's process id, from {@code INFO server}. */
    static long processId(int port) {
        try (Socket socket = connect(port)) {
            send(socket, "INFO server");
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("process_id:")) {
                    return Long.parseLong(line.substring("process_id:".length()).strip());
                }
            }
            throw new IllegalStateException("Redis on port " + port + " did not say its process_id");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Redis on port " + port + " did not answer INFO", e);
        }
    }

    /** {@code SHUTDOWN} (the append-only file is written and synced first), then waits until the port is closed. */
    static void shutdown(int port) throws IOException {
        try (Socket socket = connect(port)) {
            send(socket, "SHUTDOWN");
            // The server closes the connection as it exits; an error reply (e.g. it could not write the file) is not that.
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (reply != null && reply.startsWith("-")) {
                throw new IOException("Redis refused SHUTDOWN: " + reply);
            }
        }
        Instant deadline = Instant.now().plus(SHUTDOWN_WAIT);
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = connect(port)) {
                sleep();
            } catch (IOException closed) {
                return;
            }
        }
        throw new IOException("Redis on port " + port + " still accepts connections " + SHUTDOWN_WAIT + " after SHUTDOWN");
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) SHUTDOWN_WAIT.toMillis());
        return socket;
    }

    private static void send(Socket socket, String command) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for Redis to stop", e);
        }
    }
}
