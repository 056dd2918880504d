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

/** The D drivers' sockets: opened together, each awaited until its {@code hello}, closed together. */
final class DriverFeeds implements AutoCloseable {

    private final ExecutorService callbacks = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http = HttpClient.newBuilder().executor(callbacks).connectTimeout(Duration.ofSeconds(10)).build();
    private final List<DriverSocket> sockets = new ArrayList<>();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final AtomicInteger resyncs = new AtomicInteger();

    /** Connects every driver of the fixture to the query API's live feed and waits until each socket said hello (its feed is live). */
    static DriverFeeds open(Fixture fixture, URI queryApi, Ledger ledger, Duration timeout)
            throws InterruptedException, TimeoutException {
        DriverFeeds feeds = new DriverFeeds();
        try {
            List<CompletableFuture<?>> connecting = new ArrayList<>();
            for (int i = 0; i < fixture.drivers.size(); i++) {
                long driverId = fixture.drivers.get(i);
                DriverSocket socket = new DriverSocket(driverId, fixture.driverTokens.get(i),
                        URI.create(queryApi.toString().replaceFirst("^http", "ws") + "/api/drivers/" + driverId + "/live"), feeds.http, ledger, feeds.reconnects, feeds.resyncs);
                feeds.sockets.add(socket);
                connecting.add(socket.connect());
            }
            CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (feeds.sockets.stream().anyMatch(s -> !s.helloSeen())) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("not every driver socket said hello within " + timeout);
                }
                Thread.sleep(20);
            }
            return feeds;
        } catch (java.util.concurrent.ExecutionException e) {
            feeds.close();
            throw new IllegalStateException("opening the drivers' WebSockets failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException | RuntimeException e) {
            feeds.close();
            throw e;
        }
    }

    int connected() {
        return sockets.size();
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
        http.shutdownNow();
        callbacks.shutdownNow();
    }
}
