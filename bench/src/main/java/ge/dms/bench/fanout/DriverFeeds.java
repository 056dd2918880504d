package ge.dms.bench.fanout;

import ge.dms.bench.commands.Fixture;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The D drivers' sockets: opened together, each awaited until its {@code hello}, closed together.
 * They are spread over one JDK HTTP client per {@value #SOCKETS_PER_CLIENT} sockets: a client reads
 * all of its connections on one selector thread, which at a thousand drivers would be the bench's
 * own bottleneck. Opened in waves of {@value #WAVE}, so a thousand handshakes do not land at once.
 */
final class DriverFeeds implements AutoCloseable {

    static final int SOCKETS_PER_CLIENT = 250;
    private static final int WAVE = 100;

    private final ExecutorService callbacks = Executors.newVirtualThreadPerTaskExecutor();
    private final List<HttpClient> clients = new ArrayList<>();
    private final List<DriverSocket> sockets = new ArrayList<>();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final AtomicInteger resyncs = new AtomicInteger();

    /** Connects every driver of the fixture to the query API's live feed and waits until each socket said hello (its feed is live). */
    static DriverFeeds open(Fixture fixture, URI queryApi, Ledger ledger, Duration timeout)
            throws InterruptedException, TimeoutException {
        DriverFeeds feeds = new DriverFeeds();
        try {
            int drivers = fixture.drivers.size();
            for (int i = 0; i < (drivers + SOCKETS_PER_CLIENT - 1) / SOCKETS_PER_CLIENT; i++) {
                feeds.clients.add(HttpClient.newBuilder().executor(feeds.callbacks).connectTimeout(Duration.ofSeconds(10)).build());
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int from = 0; from < drivers; from += WAVE) {
                List<CompletableFuture<?>> connecting = new ArrayList<>();
                for (int i = from; i < Math.min(drivers, from + WAVE); i++) {
                    long driverId = fixture.drivers.get(i);
                    DriverSocket socket = new DriverSocket(driverId, fixture.driverTokens.get(i),
                            URI.create(queryApi.toString().replaceFirst("^http", "ws") + "/api/drivers/" + driverId + "/live"),
                            feeds.clients.get(i / SOCKETS_PER_CLIENT), ledger, feeds.reconnects, feeds.resyncs);
                    feeds.sockets.add(socket);
                    connecting.add(socket.connect());
                }
                long left = Math.max(1, deadline - System.nanoTime());
                CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).get(left, TimeUnit.NANOSECONDS);
            }
            feeds.awaitLive(Long.MIN_VALUE, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            return feeds;
        } catch (java.util.concurrent.ExecutionException e) {
            feeds.close();
            throw new IllegalStateException("opening the drivers' WebSockets failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException | RuntimeException e) {
            feeds.close();
            throw e;
        }
    }

    /**
     * Waits until every socket is connected and said hello after {@code sinceNanos} (System.nanoTime;
     * {@code Long.MIN_VALUE}: any time): after a restart, a socket not yet seen lost does not count as live.
     */
    void awaitLive(long sinceNanos, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        java.util.function.Predicate<DriverSocket> live = s -> sinceNanos == Long.MIN_VALUE ? s.isLive() : s.liveSince(sinceNanos);
        while (sockets.stream().anyMatch(live.negate())) {
            if (System.nanoTime() > deadline) {
                long down = sockets.stream().filter(live.negate()).count();
                throw new TimeoutException(down + " of " + sockets.size() + " driver sockets did not (re)connect and say hello within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    /** A lost socket waits for {@link #release} before reconnecting: for a planned restart of the server. */
    void hold() {
        sockets.forEach(DriverSocket::hold);
    }

    /** Every socket lost while held reconnects now (with its cursor), and any lost later at once. */
    void release() {
        sockets.forEach(DriverSocket::release);
    }

    int connected() {
        return sockets.size();
    }

    int httpClients() {
        return clients.size();
    }

    int reconnects() {
        return reconnects.get();
    }

    int resyncs() {
        return resyncs.get();
    }

    @Override
    public void close() {
        sockets.forEach(DriverSocket::close);
        // Not close(): it waits for every exchange, and a socket whose close handshake hangs would hang the run.
        clients.forEach(HttpClient::shutdownNow);
        callbacks.shutdownNow();
    }
}
